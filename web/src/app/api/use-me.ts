import type { TMe } from '@dircab/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, http } from './http';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null without a session (401). */
export async function fetchMe(): Promise<TMe | null> {
  try {
    return await http.get<TMe>('/api/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}
