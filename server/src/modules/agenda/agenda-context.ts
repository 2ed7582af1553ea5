import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { agendaSettings } from './agenda.schema';
import { loadOfficials, type OfficialsIndex } from './officials-index';
import { readAgendaStamp } from './officials-version';

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

/** The context in one round trip while the officials' index is cached (officials-cache.ts). */
export async function loadAgendaContext(db: Queryable, actor: Actor, timeZone: string): Promise<AgendaContext> {
  const stamp = await readAgendaStamp(db, actor.orgId);
  return {
    timeZone,
    officials: await loadOfficials(db, actor, stamp),
    travelMinutes: stamp.travelMinutes ?? DEFAULT_TRAVEL_MINUTES,
  };
}
