import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DIRCAB_DEMO: z.enum(['0', '1', 'commune', 'departement']).default('1'),
  DIRCAB_DEMO_PASSWORD: z
    .string()
    .min(8)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DIRCAB_BASE_URL: z.string().url().optional(),
  DIRCAB_SECRET: z.string().min(32).optional(),
  DIRCAB_SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(10),
  DIRCAB_WEB_DIST: z.string().optional(),
  // Behind a reverse proxy: the number of proxies in front, or their addresses (CIDR allowed).
  DIRCAB_TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)?$/, {
      message: 'un nombre de proxys (1, 2…) ou leurs adresses séparées par des virgules',
    })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  /** Folder of the embedded database (and later of uploaded files). */
  dataDir: string;
  /** PostgreSQL instead of the embedded database when set. */
  databaseUrl: string | undefined;
  /** Seed the demo organisations on first start with an empty database. */
  demo: boolean;
  /** Which demo: the commune of Mont-Dore with its CCAS, or a département (Meuse). */
  demoProfile: 'commune' | 'departement';
  demoPassword: string | undefined;
  /** Public URL of the server, used for cookies and the Origin check. */
  baseUrl: string;
  /** Session signing secret; generated once and kept in the database when unset. */
  secret: string | undefined;
  /** Sign-in attempts per minute and per address. */
  signInLimit: number;
  /**
   * Proxies whose X-Forwarded-For is believed: false (none, the default: the address is the
   * connection's), how many hops, or their addresses. Rate limits and the audit key on it.
   */
  trustProxy: false | number | string[];
  /** Built web app to serve at `/`; absent means API only. */
  webDist: string | undefined;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  version: string;
  /** Tests only: remember each password check's answer (platform/auth/remembered-password-checks.ts). */
  rememberPasswordChecks?: boolean;
}

const packageJson = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const VERSION = packageJson.version;

/** Reads the configuration from the environment (documented in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    // npm runs the server's script from server/; INIT_CWD is where the user typed `npm start`.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.DIRCAB_DEMO !== '0',
    demoProfile: e.DIRCAB_DEMO === 'departement' ? 'departement' : 'commune',
    demoPassword: e.DIRCAB_DEMO_PASSWORD,
    baseUrl: e.DIRCAB_BASE_URL ?? `http://localhost:${e.PORT}`,
    secret: e.DIRCAB_SECRET,
    signInLimit: e.DIRCAB_SIGN_IN_LIMIT,
    trustProxy: trustedProxies(e.DIRCAB_TRUST_PROXY),
    webDist: e.DIRCAB_WEB_DIST ?? resolve(new URL('../../../../web/dist', import.meta.url).pathname),
    logLevel: e.LOG_LEVEL,
    version: VERSION,
  };
}

/** `2` → two hops; `10.0.0.1, 10.0.1.0/24` → those addresses; empty → none. */
function trustedProxies(value: string | undefined): AppConfig['trustProxy'] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value.split(',').map((address) => address.trim());
}
