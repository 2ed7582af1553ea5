import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BackupError } from './backup';
import { openDatabase } from './client';
import { DataDirLockedError } from './data-dir-lock';
import { applyMigrations } from './migrate';

/**
 * Reads a backup and checks it is a complete gzip tarball; returns its bytes. Decompressing
 * the whole file checks the gzip CRC, so a truncated copy is refused before anything is written.
 */
export function readBackupFile(file: string): Uint8Array<ArrayBuffer> {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new BackupError(`Fichier de sauvegarde introuvable : ${path}`);
  const bytes = readFileSync(path);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new BackupError(`${path} n’est pas une sauvegarde Dircab (fichier .tar.gz attendu).`);
  }
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes);
  } catch {
    throw new BackupError(`${path} est endommagé ou incomplet (décompression impossible).`);
  }
  // A tar header carries "ustar" at offset 257.
  if (tar.length < 512 || tar.subarray(257, 262).toString('latin1') !== 'ustar') {
    throw new BackupError(`${path} n’est pas une archive tar : ce n’est pas une sauvegarde Dircab.`);
  }
  return new Uint8Array(bytes);
}

/**
 * Restores a backup into `dataDir`, which must be absent or empty (never overwrites data), then
 * applies the migrations in case the backup is older than the code.
 */
export async function restoreDataDir(file: string, dataDir: string): Promise<void> {
  const bytes = readBackupFile(file);
  const existed = existsSync(dataDir);
  if (existed && readdirSync(dataDir).length > 0) {
    throw new BackupError(
      `Le dossier ${dataDir} n’est pas vide : la restauration n’écrase jamais de données. ` +
        'Choisissez un dossier vide ou inexistant.',
    );
  }
  try {
    const database = await openDatabase({ dataDir, loadDataDir: new Blob([bytes]) });
    try {
      await applyMigrations(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    // Someone else holds the folder: it is theirs, touch nothing.
    if (error instanceof DataDirLockedError) throw error;
    // The folder was empty and ours: leave it as found rather than half restored.
    if (existed)
      for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    else rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
