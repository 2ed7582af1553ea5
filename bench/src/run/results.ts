// One run's figures, as written to bench/results/<date>-<db>-<scale>.json and printed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleResult } from './bundle';
import type { CpuUse } from './cpu-use';
import type { DirectResult } from './direct';
import type { ImportResult } from './import-measure';
import type { LoadResult } from './load';
import type { RegistrationResult } from './registration';

export const RESULTS_DIR = new URL('../../results/', import.meta.url).pathname;

/** Every measure a run must hold (the quick run's test checks them all). */
export const READ_MEASURES = [
  'inbox',
  'nextPage',
  'itemDetail',
  'fullTextSearch',
  'contactSearch',
  'contactTimeline',
  'agendaWeek',
  'alertFeed',
] as const;
export type ReadMeasureName = (typeof READ_MEASURES)[number];

export interface ReadResult {
  label: string;
  /** One connection: the latency a user sees. */
  http: LoadResult;
  /** Several connections: what the server sustains. */
  throughput: LoadResult & {
    connections: number;
    /** CPU used (absent from results written before it was measured); the process's includes the load generator's thread. */
    cpu?: CpuUse & { processMsPerRequest: number };
  };
  direct: DirectResult;
  /** HTTP median / direct median. */
  ratio: number;
}

export interface Machine {
  cores: number;
  cpu: string;
  ramGb: number;
  node: string;
  database: string;
  /** Load average (1 min) when the run started and ended: a busy machine skews every figure. */
  loadAverage: [number, number];
}

export interface RunResult {
  version: 1;
  date: string;
  db: 'pglite' | 'postgres';
  scale: string;
  quick: boolean;
  seed: number;
  machine: Machine;
  data: { counts: Record<string, number>; seconds: Record<string, number> };
  reads: Record<ReadMeasureName, ReadResult>;
  registration: RegistrationResult;
  /** Several registrations at a time (absent from results written before it was measured). */
  registrationConcurrent?: RegistrationResult;
  import: ImportResult;
  memory: { restMb: number; loadMb: number };
  bundle: BundleResult | { error: string };
}

export function writeResult(result: RunResult, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const day = result.date.slice(0, 10);
  const file = join(dir, `${day}-${result.db}-${result.scale}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** The newest result of each database and scale. */
export function latestResults(): RunResult[] {
  let files: string[] = [];
  try {
    files = readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const newest = new Map<string, RunResult>();
  for (const file of files) {
    const result = JSON.parse(readFileSync(join(RESULTS_DIR, file), 'utf8')) as RunResult;
    const key = `${result.db}-${result.scale}`;
    const known = newest.get(key);
    if (!known || known.date < result.date) newest.set(key, result);
  }
  return [...newest.values()];
}

/** What a run misses, if anything: the names of the measures without figures. */
export function missingMeasures(result: RunResult): string[] {
  const missing: string[] = READ_MEASURES.filter((name) => {
    const read = result.reads?.[name];
    return !read || !(read.http.samples > 0) || !(read.direct.samples > 0) || !(read.throughput.requests > 0);
  });
  if (!(result.registration?.itemsPerSecond > 0)) missing.push('registration');
  if (!(result.import?.rowsPerSecond > 0)) missing.push('import');
  if (!(result.memory?.restMb > 0 && result.memory.loadMb > 0)) missing.push('memory');
  if (!result.bundle || 'error' in result.bundle || !(result.bundle.signInAndInboxKb > 0)) missing.push('bundle');
  return missing;
}

/** The run as a table of lines (printed, and in docs/PERFORMANCE.md). */
export function tableLines(result: RunResult): string[] {
  const lines = [
    `| measure (${result.db}, ${result.scale}) | p50 ms | p95 ms | p99 ms | req/s (1 conn.) | req/s (${result.reads.itemDetail?.throughput.connections ?? '?'} conn.) | direct p50 ms | direct p95 ms | API / direct |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const name of READ_MEASURES) {
    const r = result.reads[name];
    if (!r) continue;
    lines.push(
      `| ${r.label} | ${r.http.p50} | ${r.http.p95} | ${r.http.p99} | ${r.http.requestsPerSecond} | ${r.throughput.requestsPerSecond} | ${r.direct.p50} | ${r.direct.p95} | ${r.ratio} |`,
    );
  }
  const bundle =
    'error' in result.bundle
      ? `not measured (${result.bundle.error})`
      : `${result.bundle.signInAndInboxKb} KB gzip (sign-in alone ${result.bundle.signInKb} KB)`;
  lines.push(
    '',
    `| other measure | figure |`,
    '|---|---|',
    `| registration (real command), one at a time | ${result.registration.itemsPerSecond} items/s (${result.registration.items} items in ${result.registration.seconds} s)${cpuNote(result.registration.cpu, 'item', result.registration.itemsPerSecond, result.machine.cores, result.db === 'pglite')} |`,
    result.registrationConcurrent
      ? `| registration (real command), ${result.registrationConcurrent.concurrency} at a time | ${result.registrationConcurrent.itemsPerSecond} items/s (${result.registrationConcurrent.items} items in ${result.registrationConcurrent.seconds} s)${cpuNote(result.registrationConcurrent.cpu, 'item', result.registrationConcurrent.itemsPerSecond, result.machine.cores, result.db === 'pglite')} |`
      : '| registration (real command), several at a time | not measured in this run |',
    ...(result.reads.itemDetail?.throughput.cpu
      ? [
          `| item detail, ${result.reads.itemDetail.throughput.connections} connections | ${result.reads.itemDetail.throughput.requestsPerSecond} req/s${cpuNote(result.reads.itemDetail.throughput.cpu, 'request', result.reads.itemDetail.throughput.requestsPerSecond, result.machine.cores)}, load generator included |`,
        ]
      : []),
    `| CSV import | ${result.import.rows} rows in ${result.import.seconds} s = ${result.import.rowsPerSecond} rows/s |`,
    `| process RSS at rest / under load | ${result.memory.restMb} MB / ${result.memory.loadMb} MB |`,
    `| JS for sign-in + inbox | ${bundle} |`,
    `| data | ${Object.entries(result.data.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ')} |`,
  );
  return lines;
}

/**
 * CPU figures after a throughput: the cores' busy share, this process's time per unit, and
 * what the whole machine spent per unit (every process: Node, PostgreSQL, the load generator)
 * with the rate it would reach at full cores. A ceiling close to the rate measured means the
 * machine is the limit; one far above it means the work waited (a lock, a round trip).
 * `oneThread`: all of the work runs on this process's one thread (registration on PGlite,
 * whose engine shares the server's thread), whose own ceiling is then given too.
 */
export function cpuNote(
  cpu: (CpuUse & { processMsPerItem?: number; processMsPerRequest?: number }) | undefined,
  unit: string,
  perSecond: number,
  cores: number,
  oneThread = false,
): string {
  if (!cpu) return '';
  const perUnit = cpu.processMsPerItem ?? cpu.processMsPerRequest;
  const own = `benchmark process ${perUnit} ms CPU per ${unit}`;
  if (cpu.machineBusy === null || cpu.machineBusy <= 0 || perSecond <= 0) return `; ${own}`;
  const machineMs = Math.round(((cpu.machineBusy * cores * 1000) / perSecond) * 10) / 10;
  const ceiling = Math.round(perSecond / cpu.machineBusy);
  const thread =
    oneThread && perUnit ? `, one thread at full: ${Math.round(1000 / perUnit).toLocaleString('en-US')}/s` : '';
  return `; cores ${Math.round(cpu.machineBusy * 100)} % busy, ${own}, machine ${machineMs} ms CPU per ${unit} (at full cores: ${ceiling.toLocaleString('en-US')}/s${thread})`;
}

export function printResult(result: RunResult): void {
  console.info(`\n${tableLines(result).join('\n')}\n`);
}
