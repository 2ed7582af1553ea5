import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config/config';
import { BackupError, backupDataDir, defaultBackupPath } from '../platform/db/backup';
import { runCli, UsageError, userPath } from './run-cli';

const USAGE = 'Usage : npm run backup -- [--out FICHIER.tar.gz]';

/** `npm run backup -- [--out FILE]`: a consistent copy of the embedded database (DATA_DIR). */
async function main(): Promise<void> {
  let out: string | undefined;
  try {
    ({ out } = parseArgs({ options: { out: { type: 'string' } } }).values);
  } catch {
    throw new UsageError(`Option inconnue ou sans valeur.\n${USAGE}`);
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new BackupError(
      'DATABASE_URL est défini : la base est sur PostgreSQL, qui a ses propres outils. ' +
        'Sauvegardez-la avec pg_dump (par exemple : pg_dump --format=custom "$DATABASE_URL" > dircab.dump).',
    );
  }
  const target = out ? userPath(out) : defaultBackupPath(userPath('backups'));
  const { path, bytes } = await backupDataDir(config.dataDir, target);
  console.log(`Sauvegarde écrite : ${path} (${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo)`);
}

runCli(main, 'Sauvegarde impossible', 'Arrêtez d’abord le serveur Dircab, puis relancez la sauvegarde.');
