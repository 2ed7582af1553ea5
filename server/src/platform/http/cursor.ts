import { problems } from '../errors/problem';

/** Opaque keyset cursor: the sort values of the last row, base64url JSON. */
export function encodeCursor(values: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const out = {} as Record<K, string>;
    for (const key of keys) {
      const v = parsed[key];
      if (typeof v !== 'string' && typeof v !== 'number') throw new Error('missing key');
      out[key] = String(v);
    }
    return out;
  } catch {
    throw problems.badRequest('Le curseur de pagination est invalide.', [
      { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
    ]);
  }
}
