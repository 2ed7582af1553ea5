// One benchmark run: a throwaway database, the data of one scale, the server on it, then every
// measure of the issue; the figures as a RunResult.
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { TRole } from '@dircab/contracts';
import type { Actor } from '../../../server/src/platform/policy/actor';
import { generate } from '../generate/generate';
import type { ScaleName } from '../generate/scales';
import { BENCH_PASSWORD } from '../generate/seed-organisation';
import { type BundleResult, buildWeb, measureBundle } from './bundle';
import { startCpuCount } from './cpu-use';
import { openBenchDatabase } from './database';
import { timeDirect } from './direct';
import { measureImport } from './import-measure';
import { runLoad } from './load';
import { readMeasures } from './read-measures';
import { measureRegistration } from './registration';
import type { ReadMeasureName, ReadResult, RunResult } from './results';
import { startServer } from './server';

export interface RunOptions {
  db: 'pglite' | 'postgres';
  scale: ScaleName;
  seed: number;
  /** Seconds of load per HTTP measure (each runs twice: one connection, then several). */
  duration: number;
  /** Instead of a duration, this many requests per measure (the quick run: samples whatever the machine's load). */
  requests: number | undefined;
  connections: number;
  directIterations: number;
  /** Requests before each measure (plans, caches, JIT). */
  warmup: number;
  registrations: number;
  importRows: number;
  /** A web build with its manifest to measure; absent: build one in a temporary folder. */
  webDist: string | undefined;
  quick: boolean;
  log: (line: string) => void;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

export async function runOne(options: RunOptions): Promise<RunResult> {
  const { log } = options;
  const startLoad = loadavg()[0] ?? 0;
  const date = new Date();
  log(`\n== ${options.db}, scale ${options.scale}: generating`);
  const bench = await openBenchDatabase(options.db);
  const { database } = bench;
  try {
    // The server first: building it registers what the modules plug into each other (the
    // link kinds the demo's routing tasks use), as on a real start before the demo is seeded.
    const server = await startServer(database);
    try {
      const generated = await generate(database, options.scale, options.seed, date, log);
      const { orgId, userIds, emailOf } = generated.organisation;
      log(`  data: ${JSON.stringify(generated.counts)}`);
      const actorOf = (login: 'dircab' | 'maire', role: TRole): Actor => ({
        userId: userIds[login] as string,
        name: login,
        email: emailOf(login),
        orgId,
        role,
        sessionId: '',
        ip: '127.0.0.1',
      });
      const actors = { dircab: actorOf('dircab', 'chief_of_staff'), maire: actorOf('maire', 'executive') };
      const cookies = {
        dircab: await server.signIn(emailOf('dircab'), BENCH_PASSWORD),
        maire: await server.signIn(emailOf('maire'), BENCH_PASSWORD),
      };
      globalThis.gc?.();
      const restMb = mb(process.memoryUsage().rss);
      let loadMb = restMb;
      const sampler = setInterval(() => {
        loadMb = Math.max(loadMb, mb(process.memoryUsage().rss));
      }, 100);
      const reads = {} as Record<ReadMeasureName, ReadResult>;
      try {
        for (const measure of await readMeasures(database, actors)) {
          const common = { baseUrl: server.baseUrl, paths: measure.paths, cookie: cookies[measure.login] };
          await runLoad({ ...common, connections: 1, amount: options.warmup });
          const length = options.requests ? { amount: options.requests } : { duration: options.duration };
          const http = await runLoad({ ...common, connections: 1, ...length });
          const stopCount = startCpuCount();
          const throughput = await runLoad({
            ...common,
            connections: options.connections,
            ...(options.requests ? { amount: options.requests * 2 } : length),
          });
          const cpu = stopCount();
          const direct = await timeDirect(measure.direct, options.directIterations);
          const ratio = Math.round((http.p50 / Math.max(direct.p50, 0.01)) * 100) / 100;
          reads[measure.name as ReadMeasureName] = {
            label: measure.label,
            http,
            throughput: {
              ...throughput,
              connections: options.connections,
              cpu: { ...cpu, processMsPerRequest: Math.round((cpu.processMs / throughput.requests) * 100) / 100 },
            },
            direct,
            ratio,
          };
          log(
            `  ${measure.label}: p50 ${http.p50} / p95 ${http.p95} / p99 ${http.p99} ms, ${throughput.requestsPerSecond} req/s; direct p50 ${direct.p50} ms` +
              (http.failures + throughput.failures > 0
                ? ` (${http.failures + throughput.failures} failed requests)`
                : ''),
          );
        }
      } finally {
        clearInterval(sampler);
      }
      log('  registration…');
      const registration = await measureRegistration(database, actors.dircab, options.registrations, options.seed);
      const registrationConcurrent = await measureRegistration(
        database,
        actors.dircab,
        options.registrations,
        options.seed,
        options.connections,
      );
      log(
        `  registration: ${registration.itemsPerSecond} items/s one at a time, ${registrationConcurrent.itemsPerSecond} items/s ${options.connections} at a time`,
      );
      log(`  import of ${options.importRows} contacts…`);
      const imported = await measureImport(database, actors.dircab.userId, options.importRows, options.seed);
      log(`  import: ${imported.rows} rows in ${imported.seconds} s`);
      const bundle = bundleFigures(options);
      return {
        version: 1,
        date: date.toISOString(),
        db: options.db,
        scale: options.scale,
        quick: options.quick,
        seed: options.seed,
        machine: {
          cores: cpus().length,
          cpu: cpus()[0]?.model ?? 'unknown',
          ramGb: Math.round(totalmem() / 1e8) / 10,
          node: process.version,
          database: bench.version,
          loadAverage: [Math.round(startLoad * 10) / 10, Math.round((loadavg()[0] ?? 0) * 10) / 10],
        },
        data: { counts: generated.counts, seconds: roundAll(generated.seconds) },
        reads,
        registration,
        registrationConcurrent,
        import: imported,
        memory: { restMb, loadMb },
        bundle,
      };
    } finally {
      await server.close();
    }
  } finally {
    await bench.drop();
  }
}

function bundleFigures(options: RunOptions): BundleResult | { error: string } {
  const built = options.webDist ? undefined : join(tmpdir(), `dircab-bench-web-${process.pid}`);
  try {
    if (built) {
      options.log('  building the web app for its bundle size…');
      buildWeb(built);
    }
    return measureBundle(built ?? (options.webDist as string));
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    options.log(`  bundle not measured: ${message}`);
    return { error: message.slice(0, 300) };
  } finally {
    if (built) rmSync(built, { recursive: true, force: true });
  }
}

const roundAll = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v * 10) / 10]));
