import type { TAlert } from '@dircab/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.schema';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { registerAlertSource } from '../alerts/alert-sources';
import { registerCaseLinkKind } from '../cases/case-link-kinds';
import { orgToday } from '../tasks/org-today';
import { registerTaskLinkKind } from '../tasks/task-link-kinds';
import { tasks } from '../tasks/tasks.schema';
import { visibleDecisions } from './decisions.policy';
import { decisions } from './decisions.schema';
import { actionsOfDecision, decisionScope, findDecision } from './queries/find-decisions';

/** A decision's actions are tasks about it: they copy its confidentiality and people. */
export function registerDecisionTaskLink(): void {
  registerTaskLinkKind({
    kind: 'decision',
    async scopeOf(db, actor, id) {
      const found = await findDecision(db, actor, id);
      return found ? { confidentiality: found.confidentiality, members: found.members } : null;
    },
  });
}

/**
 * A decision in its case's timeline: linked by hand (kind `decision`), or by itself when it was
 * taken on the case (its `case_id`), as the actor may see it.
 */
export function registerDecisionCaseLink(): void {
  registerCaseLinkKind({
    kind: 'decision',
    async describe(db, actor, id) {
      const found = await findDecision(db, actor, id);
      return found ? { title: found.title, url: `/notes/decisions/${found.id}` } : null;
    },
    async recordsAbout(db, actor, caseId, beforeId, limit) {
      const rows = await decisionsOfCase(db, actor, caseId, beforeId, limit);
      return rows.map((d) => ({
        id: d.id,
        at: d.createdAt,
        title: d.title,
        detail: `Décidé le ${d.decidedOn.split('-').reverse().join('/')}${d.deciderName ? ` par ${d.deciderName}` : ''}`,
        url: `/notes/decisions/${d.id}`,
        actorName: d.deciderName,
      }));
    },
  });
}

/**
 * A case's decisions the actor may see, newest first, before `beforeId`: one range of
 * decisions_org_case_idx (org, case, id desc), however many decisions the organisation holds.
 */
export function decisionsOfCase(db: Queryable, actor: Actor, caseId: string, beforeId: string | null, limit: number) {
  return db
    .select({
      id: decisions.id,
      title: decisions.title,
      decidedOn: decisions.decidedOn,
      createdAt: decisions.createdAt,
      deciderName: users.name,
    })
    .from(decisions)
    .leftJoin(users, eq(users.id, decisions.decidedBy))
    .where(
      and(
        eq(decisions.orgId, actor.orgId),
        eq(decisions.caseId, caseId),
        visibleDecisions(actor, decisionScope),
        beforeId ? sql`${decisions.id} < ${beforeId}::uuid` : undefined,
      ),
    )
    .orderBy(desc(decisions.id))
    .limit(limit);
}

/**
 * Decisions with an action past its due date (in the organisation's calendar), as the actor
 * may see them, oldest missed date first.
 */
export function registerDecisionAlertSource(): void {
  registerAlertSource({
    kind: 'decision.overdue',
    async find(db, actor, limit): Promise<TAlert[]> {
      const late = sql<string>`(select min(${tasks.dueDate})::text from ${tasks}
        where ${actionsOfDecision} and ${tasks.status} in ('todo', 'in_progress') and ${tasks.dueDate} < ${orgToday(actor.orgId)})`;
      const rows = await db
        .select({ id: decisions.id, title: decisions.title, late })
        .from(decisions)
        .where(and(eq(decisions.orgId, actor.orgId), visibleDecisions(actor, decisionScope), sql`${late} is not null`))
        .orderBy(late, desc(decisions.id))
        .limit(limit);
      return rows.map((d) => ({
        id: `decision.overdue:${d.id}`,
        kind: 'decision.overdue',
        priority: 'high',
        title: d.title,
        detail: `Action en retard depuis le ${d.late.split('-').reverse().join('/')}`,
        url: `/notes/decisions/${d.id}`,
        at: new Date(`${d.late}T00:00:00Z`).toISOString(),
      }));
    },
  });
}
