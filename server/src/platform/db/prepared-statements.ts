import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Statements kept prepared on one connection at most. Texts differ with the length of an IN
 * list or a search's shape, so their number has no bound of its own; past this one, a new text
 * runs unnamed, as every statement did before (each kept statement holds its plan in the
 * backend's memory).
 */
export const MAX_PREPARED_PER_CONNECTION = 500;
/** Texts whose name is remembered (hashing a long statement costs more than looking it up). */
const MAX_REMEMBERED_NAMES = 5_000;

const names = new Map<string, string>();

/** The statement's name: a hash of its text, so every connection and process gives the same. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `dircab_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= MAX_REMEMBERED_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

interface QueryConfigLike {
  text?: unknown;
  name?: unknown;
  values?: unknown;
}

/**
 * A node-postgres client that prepares each statement with parameters once per connection,
 * under a name drawn from its text, instead of sending it unnamed to be parsed and planned
 * again on every run (what drizzle does). PostgreSQL then keeps the statement and, after five
 * runs, a generic plan when it costs no more than the plans made for each run's values (the
 * default `plan_cache_mode`, as with JDBC, Rails or postgres.js). Planning was most of the
 * server's work on short reads: the correspondence items carry 23 indexes, each considered at
 * every plan (bench: item detail's PostgreSQL CPU 1.6 → 0.3–0.4 ms a request at S).
 *
 * Should a generic plan ever suit some values badly, `ALTER DATABASE … SET plan_cache_mode =
 * force_custom_plan` plans every run again while keeping the statements parsed.
 *
 * Statements without parameters keep the simple protocol (a migration's several statements in
 * one text cannot be prepared). Like the session cache's LISTEN, this needs a connection to
 * PostgreSQL itself: a pooler in transaction mode would hand the statements of one connection
 * to another.
 */
export function preparingClient(maxPerConnection = MAX_PREPARED_PER_CONNECTION): typeof pg.Client {
  class PreparingClient extends pg.Client {
    /** The names given on this connection (a name is prepared by its first run). */
    readonly preparedNames = new Set<string>();
  }
  // Set on the prototype rather than written as an override: `query` has a dozen overloads in
  // @types/pg that an override would have to restate; this passes every form through as is.
  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  Object.defineProperty(PreparingClient.prototype, 'query', {
    value(this: PreparingClient, config: unknown, ...rest: unknown[]) {
      return query.call(this, named(this.preparedNames, config, rest[0], maxPerConnection), ...rest);
    },
    writable: true,
    configurable: true,
  });
  return PreparingClient;
}

/** The query config with its statement's name, or as it came when it is not to be prepared. */
function named(given: Set<string>, config: unknown, values: unknown, max: number): unknown {
  if (config === null || typeof config !== 'object') return config;
  const query = config as QueryConfigLike;
  if (typeof query.text !== 'string' || query.name !== undefined) return config;
  const params = Array.isArray(values) ? values : query.values;
  if (!Array.isArray(params) || params.length === 0) return config;
  const name = statementName(query.text);
  if (!given.has(name)) {
    if (given.size >= max) return config;
    given.add(name);
  }
  return { ...query, name };
}
