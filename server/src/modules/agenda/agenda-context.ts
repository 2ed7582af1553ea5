import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { agendaSettings } from './agenda.schema';
import { loadOfficials, type OfficialsIndex } from './officials-index';

/** What the agenda's commands and queries need of the organisation. */
export interface AgendaContext {
  /** The organisation's IANA zone: periods, all-day events and default event zone. */
  timeZone: string;
  officials: OfficialsIndex;
  /** Minutes needed between two places before a travel warning. */
  travelMinutes: number;
}

export const DEFAULT_TRAVEL_MINUTES = 30;

export async function travelMinutesOf(db: Queryable, orgId: string): Promise<number> {
  const [row] = await db.select().from(agendaSettings).where(eq(agendaSettings.orgId, orgId));
  return row?.travelMinutes ?? DEFAULT_TRAVEL_MINUTES;
}

export async function loadAgendaContext(db: Queryable, actor: Actor, timeZone: string): Promise<AgendaContext> {
  return { timeZone, officials: await loadOfficials(db, actor), travelMinutes: await travelMinutesOf(db, actor.orgId) };
}
