import type { TOfficial, TRole } from '@dircab/contracts';
import { useQuery } from '@tanstack/react-query';
import { http, queryString } from '../../../app/api/http';
import { inForce } from '../../directory/officials/officials-rules';

interface OfficialPage {
  data: TOfficial[];
  nextCursor: string | null;
}

export const AGENDA_OFFICIALS_KEY = ['agenda', 'officials'] as const;

/** The officials in force, in the council's order (the maire first): the agendas one may open. */
async function activeOfficials(): Promise<TOfficial[]> {
  const all: TOfficial[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 5; i++) {
    const page: OfficialPage = await http.get<OfficialPage>(
      `/api/v1/officials${queryString({ active: 'true', limit: 100, cursor })}`,
    );
    all.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}

export function useAgendaOfficials() {
  return useQuery({ queryKey: AGENDA_OFFICIALS_KEY, queryFn: activeOfficials, staleTime: 5 * 60_000 });
}

const EXECUTIVE_FUNCTIONS = new Set(['maire', 'president']);

/**
 * Whose agenda opens first: an official sees their own; everyone else the head of the
 * executive (maire, président), else the first of the council's order.
 */
export function defaultOfficialId(
  officials: readonly TOfficial[],
  me: { userId: string; role: TRole },
  today: string,
): string | null {
  if (me.role === 'official') {
    const own = officials.find((o) => o.userId === me.userId);
    if (own) return own.id;
  }
  const executive = officials.find((o) =>
    o.mandates.some((m) => m.isOwnOrganisation && EXECUTIVE_FUNCTIONS.has(m.function) && inForce(m, today)),
  );
  return executive?.id ?? officials[0]?.id ?? null;
}
