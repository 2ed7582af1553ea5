import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Database } from '../db/client';

/** Notified at commit by the triggers of migration 0035 on sessions, users, memberships, organisations. */
export const SESSION_CHANGED_CHANNEL = 'dircab_session_changed';
/** The listener's connection as pg_stat_activity names it (operators, and the tests, find it so). */
export const SESSION_LISTENER_APPLICATION = 'dircab-session-listener';

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 30_000;

interface SessionChangeEvents {
  /** LISTEN has answered: every change committed from now on will be reported. */
  listening: [];
  /** Changes may go unheard (connection lost, reconnecting, closed). */
  lost: [];
  /** Something a session row is read from changed. */
  changed: [];
}

/**
 * Hears the session tables' changes for one app. Emits `listening`, `lost` and `changed`;
 * it never emits `error`, so nothing it meets can crash the process.
 */
export interface SessionChangeListener extends EventEmitter<SessionChangeEvents> {
  readonly isListening: boolean;
  /** Resolves once every notification sent before the call has been handled (tests). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts listening on the database of an app; resolves after the first attempt, listening
 * or not (a PostgreSQL listener that failed keeps retrying with a back-off).
 */
export async function listenForSessionChanges(
  database: Database,
  log: FastifyBaseLogger,
): Promise<SessionChangeListener> {
  if (database.pglite) {
    const listener = new PgliteListener(database.pglite);
    await listener.start();
    return listener;
  }
  const listener = new PostgresListener(database.url, log);
  await listener.start();
  return listener;
}

// PGlite is one engine in this process: LISTEN cannot be lost, and a notification is handed
// over with the answer of the statement that committed it.
class PgliteListener extends EventEmitter<SessionChangeEvents> implements SessionChangeListener {
  #unlisten: (() => Promise<void>) | undefined;
  #closed = false;

  constructor(private readonly pglite: PGlite) {
    super();
  }

  get isListening(): boolean {
    return this.#unlisten !== undefined && !this.#closed;
  }

  async start(): Promise<void> {
    this.#unlisten = await this.pglite.listen(SESSION_CHANGED_CHANNEL, () => this.emit('changed'));
    this.emit('listening');
  }

  async settled(): Promise<void> {
    // PGlite hands notifications to callbacks in microtasks queued while it reads an answer;
    // one more statement, queued after every pending one, returns after they all ran.
    if (!this.#closed && !this.pglite.closed) await this.pglite.query('select 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.emit('lost');
    if (!this.pglite.closed) await this.#unlisten?.().catch(() => {});
  }
}

// A LISTEN needs a connection of its own: a pooled one goes back to the pool, and to other
// queries, after each use. Until LISTEN has answered on it, changes may go unheard.
class PostgresListener extends EventEmitter<SessionChangeEvents> implements SessionChangeListener {
  #client: pg.Client | undefined;
  #listening = false;
  #closed = false;
  #failures = 0;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string | undefined,
    private readonly log: FastifyBaseLogger,
  ) {
    super();
  }

  get isListening(): boolean {
    return this.#listening;
  }

  async start(): Promise<void> {
    // Without a URL (a database opened by hand) nothing is heard: the cache is never trusted.
    if (!this.url || this.#closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: SESSION_LISTENER_APPLICATION });
    this.#client = client;
    // node-postgres emits 'error' on a lost connection, and an unheard 'error' crashes the process.
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => {
      if (client === this.#client && message.channel === SESSION_CHANGED_CHANNEL) this.emit('changed');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANGED_CHANNEL}`);
    } catch (error) {
      this.#lost(client, error);
      return;
    }
    // Lost or closed while connecting: #lost or close has dealt with it.
    if (client !== this.#client) return;
    this.#listening = true;
    this.#failures = 0;
    this.emit('listening');
  }

  async settled(): Promise<void> {
    // The server sends a listener its pending notifications before it answers its next
    // statement: once this answer is in, the earlier notifications were emitted.
    const client = this.#client;
    if (client && this.#listening) await client.query('select 1').catch(() => {});
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    this.#listening = false;
    this.emit('lost');
    await client?.end().catch(() => {});
  }

  #lost(client: pg.Client, error?: unknown): void {
    if (client !== this.#client) return;
    this.#client = undefined;
    this.#listening = false;
    this.emit('lost');
    client.end().catch(() => {});
    if (this.#closed) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.#failures);
    this.#failures++;
    this.log.warn(
      { err: error, retryInMs: delay },
      'session change listener lost its connection: sessions are read from the database until it is back',
    );
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      void this.start();
    }, delay);
    // A pending retry alone must not keep a process alive.
    this.#retry.unref();
  }
}
