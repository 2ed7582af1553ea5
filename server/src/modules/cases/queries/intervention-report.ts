import {
  INTERVENTION_OUTCOMES,
  type TInterventionOutcome,
  type TInterventionReport,
  type TInterventionReportQuery,
} from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { findContact } from '../../directory/queries/find-contacts';
import { findOfficial } from '../../directory/queries/find-officials';
import { visibleCases } from '../cases.policy';

interface GroupRow {
  id: string | null;
  free_text: string | null;
  outcome: TInterventionOutcome | null;
  n: number;
}

const scope = { orgId: sql`c.org_id`, confidentiality: sql`c.confidentiality`, members: sql`c.viewers` };

/**
 * Interventions of a period (by their date, both days included) that the actor may see,
 * counted per official or per institution and by outcome (cases_org_intervention_date_idx).
 * An institution typed as free text is grouped by its words, case and accents aside.
 */
export async function interventionReport(
  db: Queryable,
  actor: Actor,
  query: TInterventionReportQuery,
): Promise<TInterventionReport> {
  const key =
    query.by === 'official' ? sql`c.intervention_official_id::text` : sql`c.intervention_institution_contact_id::text`;
  const freeText =
    query.by === 'institution'
      ? sql`case when c.intervention_institution_contact_id is null
              then nullif(dircab_unaccent(lower(trim(c.intervention_institution_name))), '') end`
      : sql`null::text`;
  const rows = await queryRows<GroupRow>(
    db,
    sql`select ${key} as id, ${freeText} as free_text, c.intervention_outcome as outcome, count(*)::int as n,
               min(trim(c.intervention_institution_name)) as sample
        from cases c
        where c.org_id = ${actor.orgId} and c.kind = 'intervention'
          and c.intervention_date between ${query.from}::date and ${query.to}::date
          and ${visibleCases(actor, scope)}
        group by 1, 2, 3`,
  );
  const samples = new Map<string, string>();
  for (const r of rows as (GroupRow & { sample: string | null })[]) {
    // The same words typed several ways: the capitalised spelling (first in byte order) names them.
    const known = r.free_text ? samples.get(r.free_text) : undefined;
    if (r.free_text && r.sample && (!known || r.sample < known)) samples.set(r.free_text, r.sample);
  }
  const groups = new Map<string, TInterventionReport['rows'][number]>();
  for (const r of rows) {
    const groupKey = r.id ?? (r.free_text ? `text:${r.free_text}` : 'none');
    let group = groups.get(groupKey);
    if (!group) {
      const outcomes = Object.fromEntries(INTERVENTION_OUTCOMES.map((o) => [o, 0])) as Record<
        TInterventionOutcome,
        number
      >;
      group = { id: r.id, label: await labelOf(db, actor, query.by, r, samples), total: 0, outcomes };
      groups.set(groupKey, group);
    }
    group.total += r.n;
    group.outcomes[r.outcome ?? 'pending'] += r.n;
  }
  const sorted = [...groups.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'fr'));
  return { from: query.from, to: query.to, by: query.by, rows: sorted };
}

async function labelOf(
  db: Queryable,
  actor: Actor,
  by: 'official' | 'institution',
  row: GroupRow,
  samples: Map<string, string>,
): Promise<string> {
  if (row.id && by === 'official') return (await findOfficial(db, actor, row.id))?.displayName ?? 'Élu non visible';
  if (row.id) return (await findContact(db, actor, row.id))?.displayName ?? 'Contact non visible';
  if (row.free_text) return samples.get(row.free_text) ?? row.free_text;
  return by === 'official' ? 'Élu non renseigné' : 'Institution non renseignée';
}
