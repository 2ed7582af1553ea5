// The real server on the benchmark's database, listening on a free port, and a session of a
// demo account signed in through better-auth's own route.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app';
import type { Database } from '../../../server/src/platform/db/client';
import { testConfig } from '../../../server/test/test-app';

export interface RunningServer {
  app: FastifyInstance;
  baseUrl: string;
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(database: Database): Promise<RunningServer> {
  // The configuration of the API tests: the origin better-auth checks is http://localhost:3000,
  // which the requests present (see load.ts), whatever port the server really listens on.
  const config = testConfig({ signInLimit: 10_000 });
  const app = await buildApp(config, { database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server address unknown');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    signIn: async (email, password) => {
      const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: config.baseUrl },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    },
    close: () => app.close(),
  };
}
