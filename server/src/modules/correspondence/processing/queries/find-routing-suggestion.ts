import type { TRoutingSuggestion } from '@dircab/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { contacts, services } from '../../../directory/directory.schema';
import { officials } from '../../../directory/officials.schema';
import type { ItemRow } from '../../queries/find-correspondence';

/** How many of the latest items of a writer or a type the fallback counts (index order, bounded). */
const HISTORY_DEPTH = 200;

/** The service the items matching `where` were most often routed to for action. */
async function mostFrequentLead(
  db: Queryable,
  actor: Actor,
  where: ReturnType<typeof sql>,
): Promise<{ id: string; name: string } | null> {
  const [row] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select s.id, s.name from (
          select i.id from correspondence_items i
          where i.org_id = ${actor.orgId} and ${where}
          order by i.received_at desc, i.id desc limit ${HISTORY_DEPTH}
        ) recent
        join correspondence_routings r on r.item_id = recent.id and r.mode = 'action' and r.service_id is not null
        join services s on s.id = r.service_id and s.org_id = ${actor.orgId}
        group by s.id, s.name order by count(*) desc, s.name limit 1`,
  );
  return row ?? null;
}

/**
 * Where to route the item: the services whose topics hold the item's topic (the first for
 * action, the others for information) and the officials whose portfolio holds it; failing
 * that, the service this writer's earlier items, then this type's, most often went to.
 */
export async function findRoutingSuggestion(db: Queryable, actor: Actor, item: ItemRow): Promise<TRoutingSuggestion> {
  const holders = item.topic
    ? await db
        .select({ officialId: officials.id, userId: officials.userId, name: contacts.displayName })
        .from(officials)
        .innerJoin(contacts, eq(contacts.id, officials.contactId))
        .where(and(eq(officials.orgId, actor.orgId), sql`${officials.portfolios} @> array[${item.topic}]::text[]`))
        .orderBy(asc(contacts.sortName))
        .limit(10)
    : [];
  const topical = item.topic
    ? await db
        .select({ id: services.id, name: services.name })
        .from(services)
        .where(and(eq(services.orgId, actor.orgId), sql`${services.topics} @> array[${item.topic}]::text[]`))
        .orderBy(asc(services.name))
        .limit(10)
    : [];
  if (topical.length > 0) {
    return {
      source: 'topic',
      explanation: `Thème « ${item.topic} » : ${topical.length > 1 ? 'services compétents' : 'service compétent'} de l’annuaire.`,
      assignments: topical.map((s, i) => ({
        serviceId: s.id,
        userId: null,
        mode: i === 0 ? ('action' as const) : ('information' as const),
        label: s.name,
      })),
      officials: holders,
    };
  }
  const bySender = item.senderContactId
    ? await mostFrequentLead(db, actor, sql`i.sender_contact_id = ${item.senderContactId} and i.id <> ${item.id}`)
    : null;
  if (bySender) {
    return {
      source: 'sender_history',
      explanation: 'Les précédents courriers de cet expéditeur ont surtout été imputés à ce service.',
      assignments: [{ serviceId: bySender.id, userId: null, mode: 'action', label: bySender.name }],
      officials: holders,
    };
  }
  const byType = item.typeId
    ? await mostFrequentLead(db, actor, sql`i.type_id = ${item.typeId} and i.id <> ${item.id}`)
    : null;
  if (byType) {
    return {
      source: 'type_history',
      explanation: 'Les courriers de ce type ont surtout été imputés à ce service.',
      assignments: [{ serviceId: byType.id, userId: null, mode: 'action', label: byType.name }],
      officials: holders,
    };
  }
  return {
    source: 'none',
    explanation: 'Aucune suggestion : indiquez le thème du courrier ou imputez-le à la main.',
    assignments: [],
    officials: holders,
  };
}
