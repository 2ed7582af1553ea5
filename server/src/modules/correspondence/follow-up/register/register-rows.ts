import type { TRegisterQuery } from '@dircab/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { visibleItems } from '../../correspondence.policy';
import { correspondenceItems, correspondenceItemTypes } from '../../correspondence.schema';

/** The item table's columns the visibility rule reads (all of them, whichever rule is in force). */
const ITEM_COLUMNS = {
  orgId: correspondenceItems.orgId,
  confidentiality: correspondenceItems.confidentiality,
  members: correspondenceItems.members,
  serviceIds: correspondenceItems.serviceIds,
  routedUserIds: correspondenceItems.routedUserIds,
  topic: correspondenceItems.topic,
};

/** Rows read per keyset page: memory stays flat whatever the period. */
export const REGISTER_PAGE = 500;

export interface RegisterRow {
  id: string;
  registrationNumber: string;
  direction: 'in' | 'out';
  receivedAt: Date;
  channel: string;
  correspondent: string;
  subject: string;
  typeLabel: string | null;
  status: string;
}

/**
 * The register of a period in chronological order (received or sent date, then id): only the
 * items the actor may see (visibleItems), read page after page on the (org_id, received_at, id)
 * index, or the direction index when one direction is asked. Days are the organisation's.
 */
export async function* registerRows(
  db: Queryable,
  actor: Actor,
  query: Pick<TRegisterQuery, 'from' | 'to' | 'direction'>,
  timeZone: string,
): AsyncGenerator<RegisterRow> {
  const t = correspondenceItems;
  const base: SQL[] = [
    eq(t.orgId, actor.orgId),
    visibleItems(actor, ITEM_COLUMNS),
    sql`${t.receivedAt} >= (${query.from}::date::timestamp at time zone ${timeZone})`,
    sql`${t.receivedAt} < ((${query.to}::date + 1)::timestamp at time zone ${timeZone})`,
  ];
  if (query.direction !== 'all') base.push(eq(t.direction, query.direction));
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const where: SQL[] = after
      ? [...base, sql`(${t.receivedAt}, ${t.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`]
      : base;
    const rows: RegisterRow[] = await db
      .select({
        id: t.id,
        registrationNumber: t.registrationNumber,
        direction: t.direction,
        receivedAt: t.receivedAt,
        channel: t.channel,
        correspondent: t.senderName,
        subject: t.subject,
        typeLabel: correspondenceItemTypes.label,
        status: t.status,
      })
      .from(t)
      .leftJoin(correspondenceItemTypes, eq(correspondenceItemTypes.id, t.typeId))
      .where(and(...where))
      // NULLS FIRST is the reverse of the indexes' DESC NULLS LAST: a backward index scan.
      .orderBy(sql`${t.receivedAt} asc nulls first`, sql`${t.id} asc nulls first`)
      .limit(REGISTER_PAGE);
    yield* rows;
    const last: RegisterRow | undefined = rows.at(-1);
    if (rows.length < REGISTER_PAGE || !last) return;
    after = { at: last.receivedAt, id: last.id };
  }
}

export const DIRECTION_LABELS: Record<string, string> = { in: 'Arrivée', out: 'Départ' };

export const CHANNEL_LABELS: Record<string, string> = {
  postal: 'Courrier postal',
  email: 'Courriel',
  web_form: 'Formulaire web',
  phone: 'Téléphone',
  visit: 'Visite',
  social: 'Réseaux sociaux',
};

export const STATUS_LABELS: Record<string, string> = {
  registered: 'Enregistré',
  routed: 'Imputé',
  in_progress: 'En traitement',
  reply_drafted: 'Réponse rédigée',
  in_review: 'En visa',
  to_sign: 'À signer',
  sent: 'Envoyé',
  closed: 'Clos',
  waiting_info: 'En attente d’information',
  closed_without_reply: 'Clos sans réponse',
  forwarded: 'Transmis',
};

export const REGISTER_HEADERS = [
  'Numéro',
  'Sens',
  'Date',
  'Canal',
  'Expéditeur / destinataire',
  'Objet',
  'Type',
  'Statut',
] as const;

/** The date and time in the organisation's time zone, as a French reader writes it. */
export function registerDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(',', '');
}

/** One row's cells, in the headers' order. */
export function registerCells(row: RegisterRow, timeZone: string): string[] {
  return [
    row.registrationNumber,
    DIRECTION_LABELS[row.direction] ?? row.direction,
    registerDate(row.receivedAt, timeZone),
    CHANNEL_LABELS[row.channel] ?? row.channel,
    row.correspondent,
    row.subject,
    row.typeLabel ?? '',
    STATUS_LABELS[row.status] ?? row.status,
  ];
}
