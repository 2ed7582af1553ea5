// The npm registry reachable from this workplace does not serve Biome's binaries for other
// platforms (404), so `npm install` leaves them out of package-lock.json and `npm ci` then
// refuses the lock as out of sync. This adds the missing entries back, marked optional with
// their os/cpu, so npm ci skips them on Linux x64 as it would with a complete registry.
// Run it after any `npm install`: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORMS = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'android-x64': { os: ['android'], cpu: ['x64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-x64': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64': { os: ['win32'], cpu: ['x64'] },
};

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
let added = 0;
const packages = {};
for (const [key, value] of Object.entries(lock.packages)) {
  packages[key] = value;
  if (key !== 'node_modules/@biomejs/biome') continue;
  for (const [dep, version] of Object.entries(biome.optionalDependencies ?? {})) {
    const entryKey = `node_modules/${dep}`;
    if (lock.packages[entryKey]) continue;
    const platform = PLATFORMS[dep.replace('@biomejs/cli-', '')];
    if (!platform) throw new Error(`unknown Biome platform package ${dep}`);
    packages[entryKey] = {
      version,
      ...platform,
      dev: true,
      license: 'MIT OR Apache-2.0',
      optional: true,
      engines: biome.engines,
    };
    added++;
  }
}
lock.packages = packages;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} Biome platform entr${added === 1 ? 'y' : 'ies'} added`);
