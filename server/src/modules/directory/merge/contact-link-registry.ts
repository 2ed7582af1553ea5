import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';

/** The two contacts of a merge: every link moves from `duplicateId` to `keptId`. */
export interface MergePair {
  orgId: string;
  keptId: string;
  duplicateId: string;
}

/**
 * Something that links records to a contact. A merge walks every registered link: `move`
 * repoints the duplicate's records to the kept contact and returns, as JSON, exactly what it
 * did (kept in the merge's audit row); `restore` takes that back when the merge is undone.
 */
export interface ContactLink {
  /** Unique: the key of this link's part in the merge audit (`mandates`, `correspondence`…). */
  name: string;
  move(tx: Queryable, pair: MergePair): Promise<unknown[]>;
  restore(tx: Queryable, pair: MergePair, moved: unknown[]): Promise<void>;
}

const links = new Map<string, ContactLink>();

/**
 * Registers a link; modules call it once when loaded (correspondence, agenda, cases…), so the
 * directory's merge moves their records without knowing them. Registering a name twice with
 * another link is a programming error.
 */
export function registerContactLink(link: ContactLink): void {
  const known = links.get(link.name);
  if (known && known !== link) throw new Error(`contact link "${link.name}" is already registered`);
  links.set(link.name, link);
}

/** Every registered link, in registration order. */
export function contactLinks(): readonly ContactLink[] {
  return [...links.values()];
}

export function contactLink(name: string): ContactLink | undefined {
  return links.get(name);
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * The common case: a table with an `org_id` and a column holding the contact id, rows named by
 * `key` (a primary key column, or an SQL expression over the row). The column must not be part
 * of a unique constraint (two rows could then collide): such links write their own move.
 */
export function columnLink(options: { name: string; table: string; column: string; key?: string }): ContactLink {
  const { name, table, column } = options;
  const key = options.key ?? 'id';
  if (!IDENT.test(table) || !IDENT.test(column)) throw new Error(`contact link "${name}": bad identifier`);
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  const k = sql.raw(`(${key})::text`);
  return {
    name,
    async move(tx, pair) {
      const rows = await queryRows<{ k: string }>(
        tx,
        sql`update ${t} set ${c} = ${pair.keptId}
            where org_id = ${pair.orgId} and ${c} = ${pair.duplicateId} returning ${k} as k`,
      );
      return rows.map((r) => r.k);
    },
    async restore(tx, pair, moved) {
      if (moved.length === 0) return;
      const keys = `{${(moved as string[]).map((m) => `"${m.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
      // Only rows still on the kept contact go back: one moved elsewhere since stays where it is.
      await tx.execute(
        sql`update ${t} set ${c} = ${pair.duplicateId}
            where org_id = ${pair.orgId} and ${c} = ${pair.keptId} and ${k} = any(${keys}::text[])`,
      );
    },
  };
}
