// The JavaScript a browser downloads to sign in and open the inbox, gzipped: the chunks the
// entry loads (the sign-in page is in it) and the signed-in shell's chunk that holds the
// inbox, with their static imports, read from a Vite build's manifest.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleResult {
  /** KB (1,000 bytes) gzipped. */
  signInKb: number;
  signInAndInboxKb: number;
  chunks: string[];
}

const WEB = new URL('../../../web/', import.meta.url).pathname;
/**
 * What lazily loads on the way to the inbox: the signed-in shell (RequireSession), then the
 * correspondence module's page (the shell splits each module's page off) or an inbox split off.
 */
const INBOX_SOURCES = [
  /app\/shell\/SignedInApp\.tsx$/,
  /modules\/correspondence\/CorrespondencePage\.tsx$/,
  /modules\/correspondence\/[^/]*Inbox[^/]*\.tsx$/,
];

/** Builds the web app with a manifest into `outDir` (never the shared web/dist). */
export function buildWeb(outDir: string): void {
  execFileSync(
    join(WEB, '../node_modules/.bin/vite'),
    ['build', '--manifest', '--sourcemap', 'false', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    // A production build whatever the caller's NODE_ENV (Vitest sets `test`, which would make
    // Vite bundle React's development build: a third heavier).
    { cwd: WEB, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}

export function measureBundle(outDir: string): BundleResult {
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no manifest in ${outDir}: build with --manifest`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const closure = (keys: string[], into = new Set<string>()) => {
    for (const key of keys) {
      if (into.has(key) || !manifest[key]) continue;
      into.add(key);
      closure(manifest[key].imports ?? [], into);
    }
    return into;
  };
  const entries = Object.entries(manifest)
    .filter(([, c]) => c.isEntry)
    .map(([k]) => k);
  const signIn = closure(entries);
  const inboxKeys = Object.keys(manifest).filter((k) => INBOX_SOURCES.some((re) => re.test(k)));
  if (inboxKeys.length === 0) throw new Error('the signed-in shell is not in the manifest');
  const both = closure(inboxKeys, new Set(signIn));
  const kb = (keys: Set<string>) => {
    let bytes = 0;
    for (const key of keys) {
      const file = (manifest[key] as ManifestChunk).file;
      if (file.endsWith('.js')) bytes += gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
    }
    return Math.round(bytes / 100) / 10;
  };
  return {
    signInKb: kb(signIn),
    signInAndInboxKb: kb(both),
    chunks: [...both].map((k) => (manifest[k] as ManifestChunk).file),
  };
}
