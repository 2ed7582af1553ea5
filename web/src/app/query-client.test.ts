import { describe, expect, it } from 'vitest';
import { ApiError } from './api/http';
import { ME_KEY } from './api/use-me';
import { createQueryClient } from './query-client';

describe('createQueryClient', () => {
  it('forgets the user when a query answers 401 (the session ended)', async () => {
    const client = createQueryClient();
    client.setQueryData(ME_KEY, { user: { name: 'Hélène Boyer' } });
    await client
      .fetchQuery({
        queryKey: ['audit'],
        queryFn: () => Promise.reject(new ApiError(401, { type: 'about:blank', title: 'Unauthorized', status: 401 })),
      })
      .catch(() => {});
    expect(client.getQueryData(ME_KEY)).toBeNull();
  });
});
