// Runs the load generator (load-worker.mjs) against the server and gathers its figures.
import { Worker } from 'node:worker_threads';
import { type Latency, latencyOf } from './stats';

export interface LoadResult extends Latency {
  requestsPerSecond: number;
  requests: number;
  /** Answers other than 2xx, and connection errors: any makes the measure suspect. */
  failures: number;
}

export interface LoadOptions {
  baseUrl: string;
  paths: readonly string[];
  cookie: string;
  connections: number;
  /** Seconds, or a number of requests. */
  duration?: number;
  amount?: number;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: {
        url: options.baseUrl,
        paths: options.paths,
        headers: { cookie: options.cookie, origin: 'http://localhost:3000' },
        connections: options.connections,
        duration: options.duration,
        amount: options.amount,
      },
    });
    worker.once(
      'message',
      (message: {
        times: number[];
        statuses: Record<string, number>;
        requests: number;
        seconds: number;
        errors: number;
      }) => {
        const ok = Object.entries(message.statuses)
          .filter(([code]) => code.startsWith('2'))
          .reduce((n, [, count]) => n + count, 0);
        resolve({
          ...latencyOf(message.times),
          requests: message.requests,
          requestsPerSecond: Math.round(message.requests / Math.max(message.seconds, 0.001)),
          failures: message.requests - ok + message.errors,
        });
        void worker.terminate();
      },
    );
    worker.once('error', reject);
  });
}
