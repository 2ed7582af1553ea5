import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { openDatabase } from './client';

/** A refusal or failure the user can act on; its message is French and shown as is. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupResult {
  path: string;
  bytes: number;
}

/** `<folder>/dircab-2026-11-05T10-30-00Z.tar.gz`: ISO time without colons (invalid in Windows names). */
export function defaultBackupPath(folder: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return resolve(folder, `dircab-${stamp}.tar.gz`);
}

/** True when the folder holds a PGlite (PostgreSQL) data directory. */
export function hasDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Writes a gzip tarball of the embedded database to `outFile`. Opening the database takes the
 * data folder's lock, so this refuses (DataDirLockedError) while the server runs: a copy taken
 * under a live server could mix two states. The file appears only once complete.
 */
export async function backupDataDir(dataDir: string, outFile: string): Promise<BackupResult> {
  // Opening an absent folder would create a new empty database and back that up.
  if (!hasDatabase(dataDir)) throw new BackupError(`Aucune base embarquée dans ${dataDir} : rien à sauvegarder.`);
  const path = resolve(outFile);
  if (existsSync(path)) throw new BackupError(`Le fichier ${path} existe déjà : choisissez un autre nom.`);
  const database = await openDatabase({ dataDir });
  try {
    const pglite = database.pglite;
    if (!pglite) throw new BackupError('La sauvegarde ne concerne que la base embarquée.');
    // Flush to the data files so the restored copy needs no crash recovery.
    await pglite.exec('CHECKPOINT');
    const dump = await pglite.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync(); // on disk before the rename makes it visible
      } finally {
        await handle.close();
      }
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    return { path, bytes: statSync(path).size };
  } finally {
    await database.close();
  }
}
