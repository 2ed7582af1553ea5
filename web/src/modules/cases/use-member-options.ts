import type { TMemberOption } from '@dircab/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../ui/me-context';
import { lookupMembers, MEMBER_LOOKUP_KEY } from '../directory/officials/members-lookup-api';
import { canLookUpMembers } from './case-rules';

export interface MemberChoice {
  value: string;
  label: string;
}

/**
 * The people a picker offers: members found by name (for the roles the server lets look
 * members up), the ones already chosen (their names read by id), and always the user themself,
 * so every role can at least name itself.
 */
export function useMemberOptions(selected: readonly string[]) {
  const me = useMe();
  const allowed = canLookUpMembers(me.role);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [...MEMBER_LOOKUP_KEY, 'pick', debounced],
    queryFn: () => lookupMembers({ q: debounced, limit: 20 }),
    enabled: allowed,
    staleTime: 30_000,
  });
  const names = useMemberNames(selected);
  const options = new Map<string, string>([[me.user.id, me.user.name]]);
  for (const id of selected) options.set(id, names.get(id) ?? id);
  for (const m of found.data?.data ?? []) options.set(m.userId, labelOf(m));
  const data: MemberChoice[] = [...options].map(([value, label]) => ({ value, label }));
  return { data, search, setSearch, allowed };
}

function labelOf(m: TMemberOption): string {
  return m.jobTitle ? `${m.name} (${m.jobTitle})` : m.name;
}

/** Names of members by id, for the roles that may read them; the user's own name always. */
export function useMemberNames(ids: readonly string[]): Map<string, string> {
  const me = useMe();
  const allowed = canLookUpMembers(me.role);
  const wanted = [...new Set(ids)].filter((id) => id !== me.user.id).sort();
  const found = useQuery({
    queryKey: [...MEMBER_LOOKUP_KEY, 'ids', wanted.join(',')],
    queryFn: () => lookupMembers({ ids: wanted, limit: 50 }),
    enabled: allowed && wanted.length > 0 && wanted.length <= 50,
    staleTime: 60_000,
  });
  const names = new Map<string, string>([[me.user.id, me.user.name]]);
  for (const m of found.data?.data ?? []) names.set(m.userId, m.name);
  return names;
}
