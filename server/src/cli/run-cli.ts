import { resolve } from 'node:path';
import { BackupError } from '../platform/db/backup';
import { DataDirLockedError } from '../platform/db/data-dir-lock';

/** A command-line mistake (unknown option, missing argument): French message, exit 1. */
export class UsageError extends Error {}

/**
 * A path typed by the user, resolved from the folder they typed it in: npm runs workspace
 * scripts from `server/`, but sets INIT_CWD to the user's folder.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * Runs a command: known refusals print `title : message` alone, anything else its stack; exit 1.
 * `lockedHint` tells what to do when the data folder is in use.
 */
export function runCli(command: () => Promise<void>, title: string, lockedHint: string): void {
  command().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof DataDirLockedError) console.error(`\n${title} : ${error.message}\n${lockedHint}\n`);
      else if (error instanceof BackupError || error instanceof UsageError)
        console.error(`\n${title} : ${error.message}\n`);
      else console.error(error);
      process.exit(1);
    },
  );
}
