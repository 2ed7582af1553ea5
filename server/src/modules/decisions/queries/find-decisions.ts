import type { TDecisionItem, TDecisionQuery } from '@dircab/contracts';
import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { badCursor } from '../../notes/queries/find-notes';
import { orgToday } from '../../tasks/org-today';
import { tasks } from '../../tasks/tasks.schema';
import { decisionPolicy, visibleDecisions } from '../decisions.policy';
import { decisions } from '../decisions.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const decisionScope = {
  orgId: decisions.orgId,
  confidentiality: decisions.confidentiality,
  members: decisions.members,
};

export type DecisionRow = typeof decisions.$inferSelect & {
  total: number;
  doneCount: number;
  openCount: number;
  overdue: boolean;
};

// The follow-up actions are the tasks linked to the decision (tasks_org_link_idx): counted
// where the data is. Cancelled actions leave the count.
// The outer row is named in full: Drizzle writes a select field's columns unqualified, and
// inside a subquery on tasks an unqualified "id" would be the task's.
export const actionsOfDecision = sql`${tasks.orgId} = "decisions"."org_id" and ${tasks.linkKind} = 'decision'
  and ${tasks.linkId} = "decisions"."id"`;
const actionsOf = actionsOfDecision;
const openCount = sql<number>`(select count(*)::int from ${tasks} where ${actionsOf} and ${tasks.status} in ('todo', 'in_progress'))`;

function selection(actor: Actor) {
  return {
    ...getTableColumns(decisions),
    total: sql<number>`(select count(*)::int from ${tasks} where ${actionsOf} and ${tasks.status} <> 'cancelled')`,
    doneCount: sql<number>`(select count(*)::int from ${tasks} where ${actionsOf} and ${tasks.status} = 'done')`,
    openCount,
    overdue: overdueCondition(actor) as SQL<boolean>,
  };
}

function overdueCondition(actor: Actor): SQL {
  return sql`exists (select 1 from ${tasks} where ${actionsOf} and ${tasks.status} in ('todo', 'in_progress')
                     and ${tasks.dueDate} < ${orgToday(actor.orgId)})`;
}

export function presentDecision(actor: Actor, row: DecisionRow): TDecisionItem {
  return {
    id: row.id,
    title: row.title,
    detail: row.detail,
    decidedById: row.decidedBy,
    decidedOn: row.decidedOn,
    noteId: row.noteId,
    caseId: row.caseId,
    confidentiality: row.confidentiality,
    progress: { done: row.doneCount, total: row.total },
    overdue: row.overdue,
    done: row.openCount === 0,
    createdAt: row.createdAt.toISOString(),
    policies: decisionPolicy.policiesFor(actor, row),
  };
}

export async function findDecision(db: Queryable, actor: Actor, id: string): Promise<DecisionRow | null> {
  const [row] = await db
    .select(selection(actor))
    .from(decisions)
    .where(and(eq(decisions.orgId, actor.orgId), eq(decisions.id, id), visibleDecisions(actor, decisionScope)));
  return row ?? null;
}

/**
 * The follow-up view: decisions the actor may see, newest first (decisions_org_id_idx);
 * `open` keeps those with an action not done, `overdue` those with an action past its date.
 */
export async function findDecisions(
  db: Queryable,
  actor: Actor,
  query: TDecisionQuery,
): Promise<{ data: TDecisionItem[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(decisions.orgId, actor.orgId), visibleDecisions(actor, decisionScope)];
  if (query.view === 'open' || query.view === undefined) where.push(sql`${openCount} > 0`);
  if (query.view === 'overdue') where.push(overdueCondition(actor));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) badCursor();
    where.push(sql`${decisions.id} < ${c.id}::uuid`);
  }
  const rows = await db
    .select(selection(actor))
    .from(decisions)
    .where(and(...where))
    .orderBy(desc(decisions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentDecision(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
