import type { TRegisterQuery } from '@dircab/contracts';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { CSV_BOM, csvLine } from '../../../directory/privacy/csv-format';
import { REGISTER_HEADERS, registerCells, registerRows } from './register-rows';

/** The register as CSV lines (`;`, UTF-8 with BOM, CRLF: what French Excel opens as it is). */
export async function* registerCsv(
  db: Queryable,
  actor: Actor,
  query: TRegisterQuery,
  timeZone: string,
  onRow: () => void,
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(REGISTER_HEADERS);
  for await (const row of registerRows(db, actor, query, timeZone)) {
    onRow();
    yield csvLine(registerCells(row, timeZone));
  }
}
