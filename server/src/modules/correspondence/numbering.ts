import type { TCorrespondenceDirection, TNumberingSettings } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client';
import { correspondenceSettings } from './correspondence.schema';

/** The default formats (issue 4): `2026-A-000042` incoming, `2026-D-000042` outgoing. */
export const DEFAULT_NUMBER_FORMATS: Record<TCorrespondenceDirection, string> = {
  in: '{year}-A-{seq:6}',
  out: '{year}-D-{seq:6}',
};

/**
 * A registration number from its format: `{year}` the year, `{seq}` the sequence, `{seq:6}`
 * the sequence padded with zeros to six digits (longer sequences are never cut).
 */
export function formatRegistrationNumber(format: string, year: number, sequence: number): string {
  return format
    .replaceAll('{year}', String(year))
    .replace(/\{seq(?::(\d{1,2}))?\}/g, (_m, width?: string) => String(sequence).padStart(Number(width ?? 0), '0'));
}

/**
 * Takes the next sequence of the organisation, direction and year. The upsert locks the
 * counter row until the caller's transaction ends: concurrent registrations wait in line, and
 * a registration that rolls back takes its increment with it (no gap). `lockFirst`: an
 * advisory lock key the same statement takes before the counter (one round trip less than
 * two statements); whoever held it has committed by then, and ON CONFLICT DO UPDATE
 * increments the counter's latest committed version, whatever the statement's snapshot.
 */
export async function takeNextSequence(
  tx: Queryable,
  orgId: string,
  direction: TCorrespondenceDirection,
  year: number,
  lockFirst?: string,
): Promise<number> {
  // The advisory lock, when asked, in a subquery the insert reads before touching the counter.
  const source = lockFirst ? sql`(select pg_advisory_xact_lock(hashtextextended(${lockFirst}, 0)))` : sql`(select 1)`;
  const [row] = await queryRows<{ sequence: number }>(
    tx,
    sql`insert into correspondence_counters (org_id, direction, year, last_sequence)
        select ${orgId}, ${direction}, ${year}, 1 from ${source} as locked
        on conflict (org_id, direction, year) do update set last_sequence = correspondence_counters.last_sequence + 1
        returning last_sequence as sequence`,
  );
  if (!row) throw new Error('numbering counter not taken');
  return row.sequence;
}

/** The organisation's formats, or the defaults. */
export async function numberingSettingsOf(tx: Queryable, orgId: string): Promise<TNumberingSettings> {
  const [settings] = await tx.select().from(correspondenceSettings).where(eq(correspondenceSettings.orgId, orgId));
  return {
    incomingFormat: settings?.incomingFormat ?? DEFAULT_NUMBER_FORMATS.in,
    outgoingFormat: settings?.outgoingFormat ?? DEFAULT_NUMBER_FORMATS.out,
    autoAcknowledge: settings?.autoAcknowledge ?? true,
  };
}

/** The organisation's format for a direction, or the default. */
export async function numberFormatOf(
  tx: Queryable,
  orgId: string,
  direction: TCorrespondenceDirection,
): Promise<string> {
  const [settings] = await tx
    .select()
    .from(correspondenceSettings)
    .where(and(eq(correspondenceSettings.orgId, orgId)));
  if (!settings) return DEFAULT_NUMBER_FORMATS[direction];
  return direction === 'in' ? settings.incomingFormat : settings.outgoingFormat;
}
