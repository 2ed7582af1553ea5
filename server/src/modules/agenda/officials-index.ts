import type { TOfficial } from '@dircab/contracts';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { findOfficials } from '../directory/queries/find-officials';
import { cachedForViewer } from './officials-cache';
import { type AgendaStamp, readAgendaStamp } from './officials-version';

export interface AgendaOfficial {
  id: string;
  userId: string | null;
  displayName: string;
  /** Holds the organisation's executive mandate in force (maire, président). */
  isExecutive: boolean;
  /** « le Maire », « le Président »: how a representation names them. */
  title: string | null;
  /** Mandates in force, in French (« Adjoint au maire »), then the portfolios. */
  details: string[];
}

/** Shared between the requests of one viewer (officials-cache.ts): read it, never change it. */
export interface OfficialsIndex {
  byId: ReadonlyMap<string, AgendaOfficial>;
  /** The official holding the executive mandate, first in the council's order. */
  executive: AgendaOfficial | null;
  /** Officials whose account is the actor's (usually one). */
  ofUser(userId: string): AgendaOfficial[];
}

const FUNCTION_LABELS: Record<string, string> = {
  maire: 'Maire',
  adjoint: 'Adjoint(e) au maire',
  conseiller_delegue: 'Conseiller(ère) délégué(e)',
  conseiller_municipal: 'Conseiller(ère) municipal(e)',
  president: 'Président(e)',
  vice_president: 'Vice-président(e)',
  conseiller_departemental: 'Conseiller(ère) départemental(e)',
  membre_congres: 'Membre du Congrès',
  membre_assemblee_province: 'Membre de l’assemblée de province',
};
const EXECUTIVE_TITLES: Record<string, string> = { maire: 'le Maire', president: 'le Président' };
/** An organisation's council has at most 69 members (Paris: 163); pages are read until done. */
const MAX_PAGES = 10;

function inForce(m: TOfficial['mandates'][number], today: string): boolean {
  return m.isOwnOrganisation && (!m.startDate || m.startDate <= today) && (!m.endDate || m.endDate >= today);
}

/**
 * The organisation's officials as the agenda needs them, as the actor may see them: who they
 * are, their account, and who holds the executive mandate. Every agenda request needs them, so
 * the index is kept in memory while the officials' stamp in the database is unchanged
 * (officials-cache.ts); `stamp` is passed when the caller has read it already.
 */
export async function loadOfficials(db: Queryable, actor: Actor, stamp?: AgendaStamp): Promise<OfficialsIndex> {
  const today = new Date().toISOString().slice(0, 10);
  return cachedForViewer(
    actor,
    stamp ?? (await readAgendaStamp(db, actor.orgId)),
    () => readOfficials(db, actor, today),
    today,
  );
}

/**
 * The index read through the directory's own query (the agenda never reads its tables).
 * Officials are a council, not a register: a handful of pages at most.
 */
async function readOfficials(db: Queryable, actor: Actor, today: string): Promise<OfficialsIndex> {
  const byId = new Map<string, AgendaOfficial>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await findOfficials(db, actor, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const o of result.data) {
      const executive = o.mandates.find((m) => m.function in EXECUTIVE_TITLES && inForce(m, today));
      byId.set(o.id, {
        id: o.id,
        userId: o.userId,
        displayName: o.displayName,
        isExecutive: Boolean(executive),
        title: executive ? (EXECUTIVE_TITLES[executive.function] ?? null) : null,
        details: [
          ...o.mandates
            .filter((m) => inForce(m, today))
            .map((m) => m.label ?? FUNCTION_LABELS[m.function] ?? m.function),
          ...o.portfolios.map((p) => `Délégation : ${p}`),
        ],
      });
    }
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  const all = [...byId.values()];
  return {
    byId,
    executive: all.find((o) => o.isExecutive) ?? null,
    ofUser: (userId) => all.filter((o) => o.userId === userId),
  };
}

/** The user accounts behind officials (for the policy: an official on the event sees it). */
export function userIdsOf(index: OfficialsIndex, officialIds: readonly string[]): string[] {
  return officialIds.map((id) => index.byId.get(id)?.userId).filter((u): u is string => Boolean(u));
}
