import type pg from 'pg';

/** The PostgreSQL channel every server process of the database listens on. */
export const ALERTS_CHANNEL = 'dircab_alerts';

/** A reconnect after a lost LISTEN connection waits this long (doubling, up to 30 s). */
const RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export interface AlertBus {
  /** Sends the organisation's signal to every process listening (this one included). */
  publish(orgId: string): Promise<void>;
  close(): Promise<void>;
}

export interface AlertBusOptions {
  /** The pool of the database the processes share (NOTIFY is per database). */
  pool: pg.Pool;
  /** Called with each organisation id heard, or `*` after a reconnect (signals may have been lost). */
  onSignal(orgId: string): void;
  onError?(error: Error): void;
}

/**
 * Alerts across several server processes: one pool connection held for LISTEN, NOTIFY through
 * the pool. The payload is an organisation id only, as the in-process signal: nothing of the
 * content travels. A lost connection is replaced (with growing pauses), and the streams are then
 * told to re-read, since signals sent meanwhile never arrived.
 */
export async function startPostgresAlertBus(options: AlertBusOptions): Promise<AlertBus> {
  let client: pg.PoolClient | null = null;
  let closed = false;
  let retryMs = RETRY_MS;
  let timer: NodeJS.Timeout | null = null;

  const onNotification = (message: pg.Notification) => {
    if (message.channel === ALERTS_CHANNEL && message.payload) options.onSignal(message.payload);
  };

  const listen = async (): Promise<void> => {
    const c = await options.pool.connect();
    c.on('notification', onNotification);
    c.on('error', (error) => {
      options.onError?.(error);
      drop(c, error);
    });
    await c.query(`LISTEN ${ALERTS_CHANNEL}`);
    client = c;
    retryMs = RETRY_MS;
  };

  const drop = (c: pg.PoolClient, error: Error) => {
    if (client !== c) return;
    client = null;
    c.off('notification', onNotification);
    // Released with an error: the pool destroys that connection instead of reusing it.
    c.release(error);
    if (!closed) scheduleReconnect();
  };

  const scheduleReconnect = () => {
    timer = setTimeout(async () => {
      timer = null;
      if (closed) return;
      try {
        await listen();
        options.onSignal('*');
      } catch (error) {
        options.onError?.(error as Error);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        scheduleReconnect();
      }
    }, retryMs);
    timer.unref();
  };

  await listen();
  return {
    async publish(orgId) {
      await options.pool.query('select pg_notify($1, $2)', [ALERTS_CHANNEL, orgId]);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (!c) return;
      c.off('notification', onNotification);
      try {
        await c.query(`UNLISTEN ${ALERTS_CHANNEL}`);
        c.release();
      } catch (error) {
        c.release(error as Error);
      }
    },
  };
}
