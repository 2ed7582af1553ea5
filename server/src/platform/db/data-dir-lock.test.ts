import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

const folders: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dircab-lock-'));
  folders.push(dir);
  return dir;
}

/** The pid of a process that has already exited, so certainly not alive. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  const pid = child.pid;
  if (!pid) throw new Error('no child pid');
  try {
    process.kill(pid, 0);
  } catch {
    return pid;
  }
  return 999_999; // reused already: fall back to a pid above the usual pid_max
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('refuses a second lock on the same folder, naming the owner pid', () => {
    const dir = tempDir();
    const unlock = lockDataDir(dir);
    try {
      const error = catchError(() => lockDataDir(dir));
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as DataDirLockedError).pid).toBe(process.pid);
      expect((error as Error).message).toContain(`processus ${process.pid}`);
      expect((error as Error).message).toContain(dir);
    } finally {
      unlock();
    }
  });

  it('can be taken again once released, and the lock file is gone in between', () => {
    const dir = tempDir();
    lockDataDir(dir)();
    expect(existsSync(join(dir, 'dircab.lock'))).toBe(false);
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'dircab.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
  });

  it('takes over a stale lock left by a process that is gone', () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(join(dir, 'dircab.lock'), String(pid));
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'dircab.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
  });

  it('refuses a lock held by another live process', () => {
    const dir = tempDir();
    // The parent of this process is alive for as long as the test runs.
    writeFileSync(join(dir, 'dircab.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(readFileSync(join(dir, 'dircab.lock'), 'utf8')).toBe(String(process.ppid));
  });
});

describe('openDatabase on a locked folder', () => {
  it('throws before opening PGlite, and leaves the folder and the lock untouched', async () => {
    const dir = tempDir();
    const unlock = lockDataDir(dir);
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      // PGlite would have run initdb here (PG_VERSION, base/…) had it been opened.
      expect(readdirSync(dir)).toEqual(['dircab.lock']);
    } finally {
      unlock();
    }
  });
});
