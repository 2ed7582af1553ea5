import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { http } from '../api/http';
import { ME_KEY } from '../api/use-me';
import { authApi } from '../auth/auth-api';

/** Sign out: forget every cached answer, they belonged to this session. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await authApi.signOut();
    } finally {
      queryClient.removeQueries();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/sign-in', { replace: true });
    }
  };
}

/** Switch organisation: data never crosses organisations, so drop the cache and go home. */
export function useSwitchOrganisation() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (orgId: string) => {
    await http.put<void>('/api/v1/me/organisation', { orgId });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    navigate('/', { replace: true });
  };
}
