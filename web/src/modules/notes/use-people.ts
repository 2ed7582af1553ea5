import type { TMemberOption } from '@dircab/contracts';
import { useQuery } from '@tanstack/react-query';
import { lookupPeople, PEOPLE_KEY } from './notes-api';

/** How a person reads in a picker: their name, and their job when the directory knows it. */
export const personLabel = (p: TMemberOption) => (p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name);

/**
 * A person's name by id ('' when unknown: a disabled account, or outside the organisation).
 * The first page of people by name is shared by every notes screen; the ids passed that are
 * not on it (a large organisation) are asked for by id.
 */
export function usePersonName(ids: readonly (string | null | undefined)[] = []): (id: string | null) => string {
  const first = useQuery({
    queryKey: PEOPLE_KEY,
    queryFn: () => lookupPeople({}),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const names = new Map((first.data?.data ?? []).map((p) => [p.userId, p.name]));
  const missing = [...new Set(ids.filter((id): id is string => Boolean(id) && !names.has(id as string)))].sort();
  const more = useQuery({
    queryKey: [...PEOPLE_KEY, 'ids', missing.join(',')],
    queryFn: () => lookupPeople({ ids: missing }),
    enabled: first.isSuccess && missing.length > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
  for (const p of more.data?.data ?? []) names.set(p.userId, p.name);
  return (id) => (id ? (names.get(id) ?? '') : '');
}
