import { problems } from '../../../platform/errors/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A keyset cursor that is a row's UUIDv7 id: anything else is a 400 on `cursor`, not a SQL error. */
export function uuidCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  if (!UUID.test(cursor)) {
    throw problems.badRequest('Le curseur de pagination est invalide.', [
      { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
    ]);
  }
  return cursor.toLowerCase();
}
