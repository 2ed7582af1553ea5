import {
  ZAddDecisionActions,
  ZCreateDecision,
  ZDecisionItem,
  ZDecisionPage,
  ZDecisionQuery,
  ZIdParams,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/record-audit';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { signalAlertsChanged } from '../alerts/alert-signals';
import { addDecisionActions } from './commands/add-actions';
import { createDecision } from './commands/create-decision';
import { registerDecisionAlertSource, registerDecisionTaskLink } from './decision-registrations';
import { DECISION_ROLES } from './decisions.policy';
import { findDecision, findDecisions, presentDecision } from './queries/find-decisions';

const tags = ['decisions'];

/**
 * Decisions (arbitrages): record one with its follow-up actions (tasks), follow them
 * (`view=open|overdue|all`, progress), add actions. Reads are open to members (the policy
 * scopes them: group staff and the admin see nothing), writes to the roles that record them.
 */
export function registerDecisionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  registerDecisionTaskLink();
  registerDecisionAlertSource();
  const read = access.member();
  const write = access.roles('decisions.write', DECISION_ROLES.write);

  r.get(
    '/api/v1/decisions',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Décisions (arbitrages) et leur suivi : en cours (par défaut), en retard, toutes',
        querystring: ZDecisionQuery,
        response: { 200: ZDecisionPage },
      },
    },
    async (request) => findDecisions(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/decisions',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Enregistrer une décision et ses actions',
        body: ZCreateDecision,
        response: { 201: ZDecisionItem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createDecision(tx, actor, request.body));
      signalAlertsChanged(actor.orgId);
      return reply.code(201).send(presentDecision(actor, row));
    },
  );

  r.get(
    '/api/v1/decisions/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Une décision et son avancement', params: ZIdParams, response: { 200: ZDecisionItem } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction(async (tx) => {
        const found = await findDecision(tx, actor, request.params.id);
        if (!found) throw problems.notFound();
        // Reading a confidential decision leaves a trace, as for cases and notes.
        if (found.confidentiality === 'confidential') {
          await recordAudit(tx, actor, {
            action: 'decision.view',
            recordType: 'decision',
            recordId: found.id,
            summary: {},
          });
        }
        return found;
      });
      return presentDecision(actor, row);
    },
  );

  r.post(
    '/api/v1/decisions/:id/actions',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Ajouter des actions de suivi à une décision',
        params: ZIdParams,
        body: ZAddDecisionActions,
        response: { 200: ZDecisionItem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => addDecisionActions(tx, actor, request.params.id, request.body));
      signalAlertsChanged(actor.orgId);
      return presentDecision(actor, row);
    },
  );
}
