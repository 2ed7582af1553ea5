import type { TAlert } from '@dircab/contracts';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { registerAlertSource } from '../alerts/alert-sources';
import { visibleCases } from './cases.policy';
import { cases } from './cases.schema';
import { caseScope } from './queries/find-cases';

/** Escalated open cases (« alerter le maire »), newest escalation first (cases_org_escalated_idx, NULLS LAST as built). */
export function registerCaseAlertSource(): void {
  registerAlertSource({
    kind: 'case.escalated',
    async find(db, actor, limit): Promise<TAlert[]> {
      const rows = await db
        .select()
        .from(cases)
        .where(
          and(
            eq(cases.orgId, actor.orgId),
            isNotNull(cases.escalatedAt),
            isNull(cases.closedAt),
            visibleCases(actor, caseScope),
          ),
        )
        .orderBy(sql`${cases.escalatedAt} desc nulls last`)
        .limit(limit);
      return rows.map((c) => ({
        id: `case.escalated:${c.id}`,
        kind: 'case.escalated',
        priority: c.riskLevel === 'critical' || c.riskLevel === 'high' ? 'critical' : 'high',
        title: c.title,
        detail: c.escalationNote,
        url: `/cases/${c.id}`,
        at: (c.escalatedAt as Date).toISOString(),
      }));
    },
  });
}
