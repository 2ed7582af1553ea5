import type { TMember, TUpdateMember } from '@dircab/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MEMBERS_KEY, membersApi } from '../../app/api/members-api';

/** A member change; the list and every audit view are then stale. */
export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation<TMember, Error, { userId: string; changes: TUpdateMember }>({
    mutationFn: ({ userId, changes }) => membersApi.update(userId, changes),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });
}
