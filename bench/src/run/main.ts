// npm run bench [-- --quick] [--scale S,M,L] [--db pglite,postgres] [--seed 42] [--web-dist dir]
//
// Without options: PGlite at S and M, and PostgreSQL at S, M and L when DATABASE_URL is set,
// each in a throwaway database. --quick: one small run of every measure (CI: it proves the
// bench still runs; no timing is asserted). Writes bench/results/<date>-<db>-<scale>.json,
// prints the table and regenerates docs/PERFORMANCE.md from the newest results.
import { parseArgs } from 'node:util';
import { SCALES, type ScaleName } from '../generate/scales';
import { writePerformanceDoc } from './performance-doc';
import { missingMeasures, printResult, writeResult } from './results';
import { runOne } from './run-one';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string', default: '42' },
    duration: { type: 'string' },
    'web-dist': { type: 'string' },
    /** Leave docs/PERFORMANCE.md as it is (the unit test's run). */
    'no-doc': { type: 'boolean', default: false },
    /** Only regenerate docs/PERFORMANCE.md from bench/results (after editing its prose). */
    'doc-only': { type: 'boolean', default: false },
    /** Where the JSON goes (bench/results by default; the unit test's run writes elsewhere). */
    'results-dir': { type: 'string' },
  },
});

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const hasPostgres = Boolean(process.env.DATABASE_URL);
const dbs = (list(args.db) ?? (args.quick ? ['pglite'] : hasPostgres ? ['pglite', 'postgres'] : ['pglite'])) as (
  | 'pglite'
  | 'postgres'
)[];
for (const db of dbs) if (db !== 'pglite' && db !== 'postgres') throw new Error(`--db: pglite or postgres, not ${db}`);
const scalesFor = (db: 'pglite' | 'postgres'): ScaleName[] => {
  const given = list(args.scale) as ScaleName[] | undefined;
  if (given) {
    for (const s of given) if (!(s in SCALES)) throw new Error(`--scale: one of ${Object.keys(SCALES).join(', ')}`);
    return given;
  }
  if (args.quick) return ['quick'];
  return db === 'postgres' ? ['S', 'M', 'L'] : ['S', 'M'];
};

/** The import is 250,000 contacts; S and the quick run import fewer to stay short. */
const IMPORT_ROWS: Record<ScaleName, number> = { quick: 1_000, S: 25_000, M: 250_000, L: 250_000 };

if (args['doc-only']) {
  console.info(`updated: ${writePerformanceDoc()}`);
  process.exit(0);
}

const started = performance.now();
let failed = false;
for (const db of dbs) {
  for (const scale of scalesFor(db)) {
    const quick = scale === 'quick';
    const result = await runOne({
      db,
      scale,
      seed: Number(args.seed),
      duration: Number(args.duration ?? 5),
      requests: quick ? 20 : undefined,
      connections: 8,
      directIterations: quick ? 10 : 200,
      warmup: quick ? 5 : 50,
      registrations: quick ? 30 : 500,
      importRows: IMPORT_ROWS[scale],
      webDist: args['web-dist'],
      quick,
      log: (line) => console.info(line),
    });
    const file = writeResult(result, args['results-dir']);
    printResult(result);
    console.info(`written: ${file}`);
    const missing = missingMeasures(result);
    if (missing.length > 0) {
      console.error(`missing measures: ${missing.join(', ')}`);
      failed = true;
    }
  }
}
if (!args['no-doc']) console.info(`updated: ${writePerformanceDoc()}`);
console.info(`bench done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
