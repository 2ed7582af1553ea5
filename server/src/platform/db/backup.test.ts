import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../modules/org/org.schema';
import { auditLog } from '../audit/audit.schema';
import { users } from '../auth/auth.schema';
import { BackupError, backupDataDir } from './backup';
import { openDatabase } from './client';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';
import { applyMigrations } from './migrate';
import { readBackupFile, restoreDataDir } from './restore';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

const work = mkdtempSync(join(tmpdir(), 'dircab-backup-'));
const source = join(work, 'source');
let backupFile = '';

/** Row count of every table of the product, by table name. */
async function rowCounts(pglite: PGlite): Promise<Record<string, number>> {
  const tables = await pglite.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await pglite.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
    counts[name] = result.rows[0]?.n ?? -1;
  }
  return counts;
}

/** Every row of a table as JSON, in a stable order, to compare contents exactly. */
async function contents(pglite: PGlite, table: string): Promise<unknown[]> {
  const result = await pglite.query<{ row: unknown }>(`select to_jsonb(t) as row from "${table}" t order by id`);
  return result.rows.map((r) => r.row);
}

async function snapshot(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    const pglite = database.pglite;
    if (!pglite) throw new Error('embedded database expected');
    return {
      counts: await rowCounts(pglite),
      organisations: await contents(pglite, 'organisations'),
      users: await contents(pglite, 'users'),
      audit: await contents(pglite, 'audit_log'),
    };
  } finally {
    await database.close();
  }
}

/** Runs a CLI script on the Node of this test (24) and collects its output. */
function runCli(script: string, args: string[], env: Record<string, string>, cwd = work) {
  const { INIT_CWD: _, DATABASE_URL: __, ...inherited } = process.env;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [TSX, join(ROOT, 'server/src/cli', script), ...args], {
      cwd,
      env: { ...inherited, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  const database = await openDatabase({ dataDir: source });
  try {
    await applyMigrations(database);
    const { db } = database;
    const [org] = await db
      .insert(organisations)
      .values({
        slug: 'sauvegarde',
        name: 'Commune de Sauvegarde',
        kind: 'commune',
        officialCode: '98818',
        timeZone: 'Pacific/Noumea',
        currency: 'XPF',
        locale: 'fr-NC',
      })
      .returning();
    if (!org) throw new Error('organisation not created');
    const people = await db
      .insert(users)
      .values([
        { id: crypto.randomUUID(), name: 'Élise Maire', email: 'elise@sauvegarde.example' },
        { id: crypto.randomUUID(), name: 'Noé Cabinet', email: 'noe@sauvegarde.example' },
      ])
      .returning();
    await db.insert(auditLog).values(
      people.map((p) => ({
        orgId: org.id,
        action: 'member.create',
        recordType: 'member',
        recordId: p.id,
        summary: { after: { name: p.name, accents: 'çàéèù « » ’' } },
      })),
    );
  } finally {
    await database.close();
  }
  backupFile = (await backupDataDir(source, join(work, 'out', 'dircab.tar.gz'))).path;
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('backup then restore', () => {
  it('writes a gzip tarball and nothing else next to it', () => {
    expect(readBackupFile(backupFile).length).toBeGreaterThan(1000);
    // The temporary file was renamed, not left behind.
    expect(readdirSync(join(work, 'out'))).toEqual(['dircab.tar.gz']);
  });

  it('restores the same rows into an empty folder, migrated and unlocked', async () => {
    const target = join(work, 'restored');
    await restoreDataDir(backupFile, target);
    expect(existsSync(join(target, 'dircab.lock'))).toBe(false);
    const before = await snapshot(source);
    const after = await snapshot(target);
    expect(before.counts.organisations).toBe(1);
    expect(before.counts.users).toBe(2);
    expect(before.counts.audit_log).toBe(2);
    expect(after.counts).toEqual(before.counts);
    expect(after.organisations).toEqual(before.organisations);
    expect(after.users).toEqual(before.users);
    expect(after.audit).toEqual(before.audit);
  });

  it('migrates a backup older than the code', async () => {
    // A database from before the first migration: none of the product's tables.
    const old = join(work, 'old');
    await (await openDatabase({ dataDir: old })).close();
    const oldBackup = (await backupDataDir(old, join(work, 'old.tar.gz'))).path;
    const target = join(work, 'old-restored');
    await restoreDataDir(oldBackup, target);
    const counts = (await snapshot(target)).counts;
    expect(counts.organisations).toBe(0);
    expect(Object.keys(counts).sort()).toEqual(Object.keys((await snapshot(source)).counts).sort());
  });

  it('refuses a folder that is not empty and writes nothing into it', async () => {
    const target = join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'à garder');
    const error = await restoreDataDir(backupFile, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/n’est pas vide/);
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });

  it('refuses a file that is not a gzip tarball, or is truncated, before creating the folder', async () => {
    const notGzip = join(work, 'notes.tar.gz');
    writeFileSync(notGzip, 'ceci n’est pas une sauvegarde');
    const truncated = join(work, 'truncated.tar.gz');
    writeFileSync(truncated, readBackupFile(backupFile).subarray(0, 5000));
    const target = join(work, 'never');
    await expect(restoreDataDir(notGzip, target)).rejects.toThrow(/n’est pas une sauvegarde Dircab/);
    await expect(restoreDataDir(truncated, target)).rejects.toThrow(/endommagé ou incomplet/);
    await expect(restoreDataDir(join(work, 'absent.tar.gz'), target)).rejects.toThrow(/introuvable/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to back up a folder in use, and writes no file', async () => {
    const unlock = lockDataDir(source);
    try {
      const out = join(work, 'locked.tar.gz');
      await expect(backupDataDir(source, out)).rejects.toBeInstanceOf(DataDirLockedError);
      expect(existsSync(out)).toBe(false);
    } finally {
      unlock();
    }
  });

  it('refuses to back up a folder without a database rather than create one', async () => {
    const empty = join(work, 'empty');
    await expect(backupDataDir(empty, join(work, 'empty.tar.gz'))).rejects.toThrow(/Aucune base embarquée/);
    expect(existsSync(empty)).toBe(false);
  });
});

describe('the backup and restore commands', () => {
  it('npm run backup: writes ./backups/dircab-<time>.tar.gz, prints it, exits 0', async () => {
    const cwd = join(work, 'cli');
    mkdirSync(cwd);
    const run = await runCli('backup.ts', [], { DATA_DIR: source }, cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(join(cwd, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^dircab-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/);
    const written = join(cwd, 'backups', files[0] ?? '');
    expect(run.stdout).toContain(written);
    expect(readBackupFile(written).length).toBeGreaterThan(1000);

    const restored = join(work, 'cli-restored');
    const restore = await runCli('restore.ts', ['--from', written, '--data-dir', restored], {});
    expect(restore.code).toBe(0);
    expect((await snapshot(restored)).counts.users).toBe(2);
  });

  it('npm run backup: refuses while the folder is locked, telling to stop the server', async () => {
    const unlock = lockDataDir(source);
    try {
      const run = await runCli('backup.ts', ['--out', join(work, 'cli-locked.tar.gz')], { DATA_DIR: source });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`processus ${process.pid}`);
      expect(run.stderr).toContain('Arrêtez d’abord le serveur Dircab');
      expect(existsSync(join(work, 'cli-locked.tar.gz'))).toBe(false);
    } finally {
      unlock();
    }
  });

  it('npm run backup: refuses with DATABASE_URL, pointing to pg_dump', async () => {
    const run = await runCli('backup.ts', [], { DATA_DIR: source, DATABASE_URL: 'postgres://localhost/dircab' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pg_dump');
  });
});
