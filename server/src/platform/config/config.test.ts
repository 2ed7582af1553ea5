import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('reads the documented defaults', () => {
    const c = loadConfig({ INIT_CWD: '/srv/dircab' });
    expect(c).toMatchObject({
      port: 3000,
      dataDir: '/srv/dircab/data',
      databaseUrl: undefined,
      demo: true,
      demoProfile: 'commune',
      baseUrl: 'http://localhost:3000',
      signInLimit: 10,
      trustProxy: false,
    });
  });

  it('believes X-Forwarded-For only from the proxies named, by count or by address', () => {
    expect(loadConfig({ DIRCAB_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ DIRCAB_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ DIRCAB_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ DIRCAB_TRUST_PROXY: '127.0.0.1, 10.0.1.0/24,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.1.0/24',
      '::1',
    ]);
    expect(() => loadConfig({ DIRCAB_TRUST_PROXY: 'true' })).toThrow(/DIRCAB_TRUST_PROXY[\s\S]*nombre de proxys/);
  });

  it('puts a relative DATA_DIR where npm was run, not in server/', () => {
    expect(loadConfig({ INIT_CWD: '/srv/dircab', DATA_DIR: 'var/db' }).dataDir).toBe('/srv/dircab/var/db');
    expect(loadConfig({ INIT_CWD: '/srv/dircab', DATA_DIR: '/data/dircab' }).dataDir).toBe('/data/dircab');
  });

  it('switches the demo off, or to the département profile', () => {
    expect(loadConfig({ DIRCAB_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ DIRCAB_DEMO: 'departement' })).toMatchObject({ demo: true, demoProfile: 'departement' });
  });

  it('refuses a bad value with a French message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Configuration invalide[\s\S]*PORT/);
    expect(() => loadConfig({ DIRCAB_DEMO: 'maybe' })).toThrow(/DIRCAB_DEMO/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
