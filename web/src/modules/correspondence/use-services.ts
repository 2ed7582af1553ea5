import { useQuery } from '@tanstack/react-query';
import { directoryApi, SERVICES_KEY } from '../directory/directory-api';

function useServices() {
  return useQuery({
    queryKey: [...SERVICES_KEY, 'all'],
    queryFn: () => directoryApi.services(null, 100),
    staleTime: 5 * 60_000,
  });
}

/** The organisation's services as select options (one page: a town has a few dozen). */
export function useServiceOptions() {
  return (useServices().data?.data ?? []).map((s) => ({ value: s.id, label: s.name }));
}

/** A service's name by id, for the inbox's column. */
export function useServiceNames(): Map<string, string> {
  return new Map((useServices().data?.data ?? []).map((s) => [s.id, s.name]));
}

/** The topics the services declare, sorted: the routing suggestion reads them. */
export function useServiceTopics(): string[] {
  const all = (useServices().data?.data ?? []).flatMap((s) => s.topics);
  return [...new Set(all)].sort((a, b) => a.localeCompare(b, 'fr'));
}
