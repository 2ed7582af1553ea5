import type { TOfficial } from '@dircab/contracts';
import { useQuery } from '@tanstack/react-query';
import { OFFICIALS_KEY, officialsApi } from '../../directory/officials/officials-api';
import { useMandateLabel } from '../../directory/officials/use-mandate-label';

const EXECUTIVE = new Set(['maire', 'president']);

/** Whether an official holds the executive mandate today (the one an invitation is addressed to). */
export function isExecutive(official: TOfficial, today: string): boolean {
  return official.mandates.some(
    (m) => m.isOwnOrganisation && EXECUTIVE.has(m.function) && (!m.endDate || m.endDate >= today),
  );
}

/** The officials in office, in the council's order, as choices « Name — Premier adjoint ». */
export function useOfficialChoices(today: string) {
  const mandateLabel = useMandateLabel();
  const officials = useQuery({
    queryKey: [...OFFICIALS_KEY, 'active-choices'],
    queryFn: () => officialsApi.officials(null, 200),
    staleTime: 60_000,
  });
  const all = officials.data?.data ?? [];
  const label = (o: TOfficial) => {
    const mandate = o.mandates.find((m) => m.isOwnOrganisation && (!m.endDate || m.endDate >= today));
    return mandate ? `${o.displayName} — ${mandateLabel(mandate)}` : o.displayName;
  };
  return {
    query: officials,
    all,
    /** Who may stand in for the executive: every official but them. */
    delegates: all.filter((o) => !isExecutive(o, today)).map((o) => ({ value: o.id, label: label(o) })),
    nameOf: (id: string | null) => (id ? (all.find((o) => o.id === id)?.displayName ?? null) : null),
  };
}
