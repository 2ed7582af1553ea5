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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One page of a list kept in id order (UUIDv7 ids sort by creation): `fetch` reads the rows
 * after the cursor's id (all when undefined), at most `limit` of them; the page is the first
 * `query.limit`, and the cursor is the last one's id. A cursor that is not an id is a 400 on
 * `cursor`, never a SQL error.
 */
export async function pageById<R extends { id: string }, T>(
  query: { limit: number; cursor?: string | undefined },
  fetch: (afterId: string | undefined, limit: number) => Promise<R[]>,
  present: (row: R) => T,
): Promise<{ data: T[]; nextCursor: string | null }> {
  let afterId: string | undefined;
  if (query.cursor) {
    afterId = decodeCursor(query.cursor, ['id']).id;
    if (!UUID.test(afterId)) decodeCursor('', ['id']);
  }
  const rows = await fetch(afterId?.toLowerCase(), query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(present),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
