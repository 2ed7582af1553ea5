import type { TMandateFunction } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import { indexRecord } from '../../../platform/search/search-index';
import type { MandateRow } from '../queries/find-officials';

/** French names of the functions, for the search body. */
export const FUNCTION_LABELS: Record<TMandateFunction, string> = {
  maire: 'Maire',
  adjoint: 'Adjoint',
  conseiller_delegue: 'Conseiller délégué',
  conseiller_municipal: 'Conseiller municipal',
  president: 'Président',
  vice_president: 'Vice-président',
  conseiller_departemental: 'Conseiller départemental',
  membre_congres: 'Membre du Congrès',
  membre_assemblee_province: 'Membre de l’assemblée de province',
  other: 'Élu',
};

export interface IndexableOfficial {
  id: string;
  orgId: string;
  displayName: string;
  portfolios: readonly string[];
}

/** The search entry of an official (kind `official`): name, functions, portfolios; never the group. */
export function officialIndexEntry(o: IndexableOfficial, list: Pick<MandateRow, 'function' | 'label'>[]) {
  return {
    orgId: o.orgId,
    kind: 'official',
    recordId: o.id,
    title: o.displayName,
    body: [...list.map((m) => m.label ?? FUNCTION_LABELS[m.function]), ...o.portfolios].join(' · '),
    url: `/directory/officials/${o.id}`,
    confidentiality: 'normal' as const,
    members: [] as string[],
  };
}

export async function indexOfficial(tx: Queryable, o: IndexableOfficial, list: MandateRow[]): Promise<void> {
  await indexRecord(tx, officialIndexEntry(o, list));
}
