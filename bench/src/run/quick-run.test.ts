import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingMeasures, READ_MEASURES, type RunResult } from './results';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('the quick run', () => {
  it('writes a JSON result holding every measure of the issue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dircab-bench-results-'));
    try {
      execFileSync(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['bench/src/run/main.ts', '--quick', '--no-doc', '--results-dir', dir],
        { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DATABASE_URL: '' } },
      );
      const files = readdirSync(dir).filter((f) => f.endsWith('-pglite-quick.json'));
      expect(files).toHaveLength(1);
      const result = JSON.parse(readFileSync(join(dir, files[0] as string), 'utf8')) as RunResult;
      expect(missingMeasures(result)).toEqual([]);
      expect(Object.keys(result.reads).sort()).toEqual([...READ_MEASURES].sort());
      expect(result.data.counts.items).toBeGreaterThanOrEqual(1000);
      expect(result.data.counts.contacts).toBeGreaterThanOrEqual(250);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a run without figures as missing its measures', () => {
    const empty = {
      reads: {},
      registration: {},
      import: {},
      memory: {},
      bundle: { error: 'build failed' },
    } as unknown as RunResult;
    expect(missingMeasures(empty)).toEqual([...READ_MEASURES, 'registration', 'import', 'memory', 'bundle']);
  });
});
