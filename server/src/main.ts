import { buildApp } from './app';
import { loadConfig } from './platform/config/config';
import { DataDirLockedError } from './platform/db/data-dir-lock';

/** `npm start`: the server on the embedded database, or on PostgreSQL with DATABASE_URL. */
async function main() {
  const config = loadConfig();
  const app = await buildApp(config, { runJobs: true });
  let stopping = false;
  const shutdown = async (signal: string) => {
    // A second signal (tsx relays one, a terminal may send another) must not kill the
    // process half-way through closing the database.
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Dircab ${config.version} : http://localhost:${config.port}  (base ${config.databaseUrl ? 'PostgreSQL' : `embarquée, ${config.dataDir}`})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`\nDircab ne démarre pas : ${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
