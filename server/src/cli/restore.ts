import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config/config';
import { BackupError } from '../platform/db/backup';
import { restoreDataDir } from '../platform/db/restore';
import { runCli, UsageError, userPath } from './run-cli';

const USAGE = 'Usage : npm run restore -- --from FICHIER.tar.gz [--data-dir DOSSIER]';

/** `npm run restore -- --from FILE [--data-dir DIR]`: a backup into an empty data folder. */
async function main(): Promise<void> {
  let values: { from?: string | undefined; 'data-dir'?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, 'data-dir': { type: 'string' } } }));
  } catch {
    throw new UsageError(`Option inconnue ou sans valeur.\n${USAGE}`);
  }
  if (!values.from) throw new UsageError(`Indiquez la sauvegarde à restaurer.\n${USAGE}`);
  const config = loadConfig();
  const explicitDir = values['data-dir'];
  if (config.databaseUrl && !explicitDir) {
    throw new BackupError(
      'DATABASE_URL est défini : la base est sur PostgreSQL, restaurez-la avec ses outils (pg_restore). ' +
        'Pour restaurer une base embarquée, indiquez --data-dir.',
    );
  }
  const dataDir = explicitDir ? userPath(explicitDir) : config.dataDir;
  await restoreDataDir(userPath(values.from), dataDir);
  console.log(`Sauvegarde restaurée dans ${dataDir}. Démarrez Dircab avec DATA_DIR=${dataDir}.`);
}

runCli(
  main,
  'Restauration impossible',
  'Ce dossier est utilisé par un serveur Dircab : restaurez dans un autre dossier, vide.',
);
