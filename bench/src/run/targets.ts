// The targets of issue 7, each checked against the newest results: met, not met, or not
// measured (no run at that database and scale yet).
import type { ReadMeasureName, RunResult } from './results';

export type Verdict = 'met' | 'not met' | 'not measured';

export interface TargetCheck {
  measure: string;
  target: string;
  measured: string;
  verdict: Verdict;
}

const LISTS_AND_SEARCHES: ReadMeasureName[] = ['inbox', 'nextPage', 'fullTextSearch', 'contactSearch'];

interface Limits {
  db: 'postgres' | 'pglite';
  big: 'L' | 'M';
  inbox: number;
  detail: number;
  fullText: number;
  names: number;
  detailRps: number;
  registration: number;
  importSeconds: number;
}

const LIMITS: Limits[] = [
  {
    db: 'postgres',
    big: 'L',
    inbox: 15,
    detail: 10,
    fullText: 50,
    names: 20,
    detailRps: 2000,
    registration: 300,
    importSeconds: 60,
  },
  {
    db: 'pglite',
    big: 'M',
    inbox: 30,
    detail: 20,
    fullText: 100,
    names: 40,
    detailRps: 500,
    registration: 100,
    importSeconds: 120,
  },
];

const check = (
  measure: string,
  target: string,
  value: number | undefined,
  ok: (v: number) => boolean,
  unit = '',
): TargetCheck =>
  value === undefined || Number.isNaN(value)
    ? { measure, target, measured: '—', verdict: 'not measured' }
    : { measure, target, measured: `${value}${unit}`, verdict: ok(value) ? 'met' : 'not met' };

export function checkTargets(results: readonly RunResult[]): { title: string; checks: TargetCheck[] }[] {
  const find = (db: string, scale: string) => results.find((r) => r.db === db && r.scale === scale);
  const sections = LIMITS.map((l) => {
    const big = find(l.db, l.big);
    const small = find(l.db, 'S');
    const p95 = (name: ReadMeasureName) => big?.reads[name]?.http.p95;
    const worstRatio = big ? Math.max(...Object.values(big.reads).map((r) => r.ratio)) : undefined;
    const growth =
      big && small
        ? Math.max(
            ...LISTS_AND_SEARCHES.map(
              (n) => (big.reads[n]?.http.p95 ?? Number.NaN) / (small.reads[n]?.http.p95 ?? Number.NaN),
            ),
          )
        : undefined;
    const importRun = big && big.import.rows >= 250_000 ? big.import.seconds : undefined;
    return {
      title: `${l.db === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${l.big}`,
      checks: [
        check('inbox list p95', `≤ ${l.inbox} ms`, p95('inbox'), (v) => v <= l.inbox, ' ms'),
        check('item detail p95', `≤ ${l.detail} ms`, p95('itemDetail'), (v) => v <= l.detail, ' ms'),
        check('full-text search p95', `≤ ${l.fullText} ms`, p95('fullTextSearch'), (v) => v <= l.fullText, ' ms'),
        check('contact name search p95', `≤ ${l.names} ms`, p95('contactSearch'), (v) => v <= l.names, ' ms'),
        check('API / direct median ratio (worst read)', '≤ 1.5', worstRatio, (v) => v <= 1.5),
        check(
          `p95 at ${l.big} / p95 at S (worst list or search)`,
          '≤ 2',
          growth && Math.round(growth * 100) / 100,
          (v) => v <= 2,
        ),
        check(
          'item detail throughput',
          `≥ ${l.detailRps} req/s`,
          big?.reads.itemDetail?.throughput.requestsPerSecond,
          (v) => v >= l.detailRps,
          ' req/s',
        ),
        // Throughput, as the reads' is taken with 8 connections: several registrations at a
        // time where the run measured it, else one at a time (older results).
        check(
          big?.registrationConcurrent
            ? `registration (${big.registrationConcurrent.concurrency} at a time)`
            : 'registration (one at a time)',
          `≥ ${l.registration} items/s`,
          (big?.registrationConcurrent ?? big?.registration)?.itemsPerSecond,
          (v) => v >= l.registration,
          ' items/s',
        ),
        check('250k-contact CSV import', `≤ ${l.importSeconds} s`, importRun, (v) => v <= l.importSeconds, ' s'),
      ],
    };
  });
  // The newest build measured, whatever the run.
  const newest = [...results]
    .filter((r) => !('error' in r.bundle))
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1)?.bundle;
  sections.push({
    title: 'Web',
    checks: [
      check(
        'JS for sign-in + inbox',
        '≤ 250 KB gzip',
        newest && 'signInAndInboxKb' in newest ? newest.signInAndInboxKb : undefined,
        (v) => v <= 250,
        ' KB',
      ),
    ],
  });
  return sections;
}
