import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Server {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'dircab-twice-'));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The real server (`npm start`), on the Node of this test run, against `dataDir`. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  // As `npm start` would run it: no DATABASE_URL, no NODE_ENV=test inherited from Vitest.
  const { DATABASE_URL: _, NODE_ENV: __, ...env } = process.env;
  const child = spawn(process.execPath, [TSX, 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DIRCAB_DEMO_PASSWORD: 'some-password-123',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, stderr: () => stderr, exited };
}

/** Polls /api/health until 200; fails fast if the server dies first. */
async function waitHealthy(server: Server, timeoutMs: number): Promise<void> {
  let dead = false;
  void server.exited.then(() => {
    dead = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`server exited early:\n${server.stderr()}`);
    const status = await fetch(`http://127.0.0.1:${server.port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.stderr()}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: still running after ${ms} ms`)), ms)),
  ]);
}

// The lock protects the embedded database only; PostgreSQL handles its own clients.
describe.skipIf(Boolean(process.env.DATABASE_URL))('starting the server twice on the same data folder', () => {
  let first: Server;
  /** The server's own pid: tsx runs it in a child process of the one spawned here. */
  let owner: number;

  beforeAll(async () => {
    first = await startServer();
    await waitHealthy(first, 60_000);
    owner = Number(readFileSync(join(dataDir, 'dircab.lock'), 'utf8'));
  }, 90_000);

  afterAll(async () => {
    // SIGTERM first: tsx relays it to the server; SIGKILL on tsx alone would orphan the server.
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await within(new Promise((r) => child.once('exit', r)), 10_000, 'stop').catch(() => child.kill('SIGKILL'));
    }
    if (owner && isAlive(owner)) process.kill(owner, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('the first server holds the lock with the pid of a live process of its own', () => {
    expect(Number.isInteger(owner)).toBe(true);
    expect(owner).not.toBe(process.pid);
    expect(isAlive(owner)).toBe(true);
  });

  it('a second server refuses to start: exit 1 with the French lock message', async () => {
    const second = await startServer();
    const code = await within(second.exited, 20_000, 'second server');
    expect(code).toBe(1);
    expect(second.stderr()).toContain('Dircab ne démarre pas');
    expect(second.stderr()).toContain(`est déjà utilisé par le processus ${owner}`);
    // The first one is unharmed and still owns the folder.
    expect((await fetch(`http://127.0.0.1:${first.port}/api/health`)).status).toBe(200);
    expect(readFileSync(join(dataDir, 'dircab.lock'), 'utf8')).toBe(String(owner));
  }, 30_000);

  it('stopping the first server (SIGTERM) releases the lock', async () => {
    first.child.kill('SIGTERM');
    const code = await within(first.exited, 20_000, 'first server after SIGTERM');
    expect(code).toBe(0);
    expect(existsSync(join(dataDir, 'dircab.lock'))).toBe(false);
    expect(isAlive(owner)).toBe(false);
  }, 30_000);
});
