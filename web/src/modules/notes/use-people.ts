import type { TMemberOption } from '@dircab/contracts';
import { useQuery } from '@tanstack/react-query';
import { lookupPeople, PEOPLE_KEY } from './notes-api';

/**
 * The organisation's people a note may name, as select options. One page of fifty by name:
 * a cabinet and its services count a few dozen accounts.
 */
export function usePeople() {
  const query = useQuery({
    queryKey: PEOPLE_KEY,
    queryFn: () => lookupPeople({}),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data?.data ?? [];
}

export const personOptions = (people: TMemberOption[]) =>
  people.map((p) => ({ value: p.userId, label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name }));

/** A person's name by id ('' when unknown: a disabled account, or outside the picker). */
export function usePersonName(): (id: string | null) => string {
  const people = usePeople();
  const names = new Map(people.map((p) => [p.userId, p.name]));
  return (id) => (id ? (names.get(id) ?? '') : '');
}
