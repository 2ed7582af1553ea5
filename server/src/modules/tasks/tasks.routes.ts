import { ZCreateTask, ZIdParams, ZTask, ZTaskPage, ZTaskQuery, ZUpdateTask } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { signalAlertsChanged } from '../alerts/alert-signals';
import { findItem } from '../correspondence/queries/find-correspondence';
import { createTask } from './commands/create-task';
import { updateTask } from './commands/update-task';
import { findTask, findTasks, presentTask } from './queries/find-tasks';
import { registerTaskAlertSource } from './task-alert-source';
import { registerTaskLinkKind } from './task-link-kinds';
import { registerTaskReminders } from './task-reminders';
import { TASK_ROLES } from './tasks.policy';

const tags = ['tasks'];

/**
 * Tasks: the views (mine, my service's, created by me, overdue), one task, create and edit.
 * Reads are open to every member, filtered by the task policy in SQL (group staff and the
 * admin see none); the reminders job and the overdue alerts are registered here.
 */
export async function registerTaskRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, jobs } = app.ctx;
  registerTaskAlertSource();
  // A task about a correspondence item (routing creates them) sees what the item's people see.
  registerTaskLinkKind({
    kind: 'correspondence',
    async scopeOf(tx, actor, id) {
      const item = await findItem(tx, actor, id);
      return item ? { confidentiality: item.confidentiality, members: item.members } : null;
    },
  });
  await registerTaskReminders(db, jobs, app.log);
  const read = access.member();

  r.get(
    '/api/v1/tasks',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Tâches (mes tâches, celles de mon service, créées par moi, en retard)',
        querystring: ZTaskQuery,
        response: { 200: ZTaskPage },
      },
    },
    async (request) => findTasks(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/tasks',
    {
      config: { access: access.roles('tasks.create', TASK_ROLES.create) },
      schema: { tags, summary: 'Créer une tâche', body: ZCreateTask, response: { 201: ZTask } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createTask(tx, actor, request.body));
      signalAlertsChanged(actor.orgId);
      return reply.code(201).send(presentTask(actor, row));
    },
  );

  r.get(
    '/api/v1/tasks/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Une tâche', params: ZIdParams, response: { 200: ZTask } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findTask(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      return presentTask(actor, row);
    },
  );

  r.patch(
    '/api/v1/tasks/:id',
    {
      // Services and officials move their own tasks; the policy decides who changes what.
      config: { access: read },
      schema: { tags, summary: 'Modifier une tâche', params: ZIdParams, body: ZUpdateTask, response: { 200: ZTask } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateTask(tx, actor, request.params.id, request.body));
      signalAlertsChanged(actor.orgId);
      return presentTask(actor, row);
    },
  );
}
