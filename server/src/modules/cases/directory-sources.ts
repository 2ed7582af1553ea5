import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { type MergePair, registerContactLink } from '../directory/merge/contact-link-registry';
import { registerPersonalDataSource } from '../directory/privacy/personal-data-sources';
import { registerTimelineSource, type TimelineFetch, type TimelineItem } from '../directory/timeline/timeline-registry';
import { visibleCases } from './cases.policy';
import { caseLinks, cases } from './cases.schema';

const contactIdsArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const scope = { orgId: sql`c.org_id`, confidentiality: sql`c.confidentiality`, members: sql`c.viewers` };

type MovedCaseLink = { op: 'moved'; id: string } | { op: 'deleted'; id: string; caseId: string; createdAt: string };

/**
 * A merge moves the duplicate's case links to the kept contact; a case already linked to the
 * kept contact keeps one link (the duplicate's is deleted, and put back by the undo).
 */
const caseContactLink = {
  name: 'cases',
  async move(tx: Queryable, pair: MergePair): Promise<MovedCaseLink[]> {
    const rows = await tx
      .select()
      .from(caseLinks)
      .where(
        and(eq(caseLinks.orgId, pair.orgId), eq(caseLinks.kind, 'contact'), eq(caseLinks.recordId, pair.duplicateId)),
      );
    const moved: MovedCaseLink[] = [];
    for (const r of rows) {
      const [kept] = await tx
        .select({ id: caseLinks.id })
        .from(caseLinks)
        .where(and(eq(caseLinks.caseId, r.caseId), eq(caseLinks.kind, 'contact'), eq(caseLinks.recordId, pair.keptId)));
      if (kept) {
        await tx.delete(caseLinks).where(eq(caseLinks.id, r.id));
        moved.push({ op: 'deleted', id: r.id, caseId: r.caseId, createdAt: r.createdAt.toISOString() });
      } else {
        await tx.update(caseLinks).set({ recordId: pair.keptId }).where(eq(caseLinks.id, r.id));
        moved.push({ op: 'moved', id: r.id });
      }
    }
    return moved;
  },
  async restore(tx: Queryable, pair: MergePair, moved: unknown[]): Promise<void> {
    for (const m of moved as MovedCaseLink[]) {
      if (m.op === 'moved') {
        await tx
          .update(caseLinks)
          .set({ recordId: pair.duplicateId })
          .where(and(eq(caseLinks.orgId, pair.orgId), eq(caseLinks.id, m.id), eq(caseLinks.recordId, pair.keptId)));
      } else {
        await tx
          .insert(caseLinks)
          .values({
            id: m.id,
            orgId: pair.orgId,
            caseId: m.caseId,
            kind: 'contact',
            recordId: pair.duplicateId,
            createdAt: new Date(m.createdAt),
          })
          .onConflictDoNothing();
      }
    }
  },
};

interface CaseOfContactRow {
  link_id: string;
  at: Date | string;
  case_id: string;
  kind: string;
  title: string;
  status: string;
  actor_name: string | null;
}

const KIND_WORDS: Record<string, string> = {
  constituent_request: 'sollicitation',
  intervention: 'intervention',
  sensitive_matter: 'dossier sensible',
  project: 'projet',
  other: 'dossier',
};

/** The contact's 360° page: the cases they are linked to that the viewer may see, when linked. */
const caseTimelineSource = {
  kind: 'case',
  async fetch(db: Queryable, actor: Actor, _contactId: string, q: TimelineFetch): Promise<TimelineItem[]> {
    const entryId = sql`('case:' || l.id::text)`;
    const before = q.before
      ? sql`(date_trunc('milliseconds', l.created_at) < ${q.before.at.toISOString()}::timestamptz
             or (date_trunc('milliseconds', l.created_at) = ${q.before.at.toISOString()}::timestamptz
                 and ${entryId} collate "C" < ${q.before.id}))`
      : sql`true`;
    const rows = await queryRows<CaseOfContactRow>(
      db,
      sql`select l.id::text as link_id, l.created_at as at, c.id::text as case_id, c.kind, c.title, c.status,
                 u.name as actor_name
          from case_links l
          join cases c on c.id = l.case_id
          left join users u on u.id = l.created_by
          where l.org_id = ${actor.orgId} and l.kind = 'contact' and l.record_id = any(${contactIdsArray(q.contactIds)})
            and ${visibleCases(actor, scope)} and ${before}
          order by date_trunc('milliseconds', l.created_at) desc, ${entryId} collate "C" desc
          limit ${q.limit}`,
    );
    return rows.map((r) => ({
      id: `case:${r.link_id}`,
      at: new Date(r.at),
      title: `Lié au dossier « ${r.title} »`,
      summary: `${KIND_WORDS[r.kind] ?? 'dossier'}${r.status === 'closed' ? ', clos' : ''}`,
      link: `/cases/${r.case_id}`,
      actorName: r.actor_name,
    }));
  },
};

/** The person's export: the cases they are linked to that the actor may see (RGPD right of access). */
async function casesOfContact(db: Queryable, actor: Actor, contactId: string) {
  return queryRows<{ id: string; kind: string; title: string; status: string; linkedAt: string }>(
    db,
    sql`select c.id::text as id, c.kind, c.title, c.status, to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "linkedAt"
        from case_links l join cases c on c.id = l.case_id
        where l.org_id = ${actor.orgId} and l.kind = 'contact' and l.record_id = ${contactId}
          and ${visibleCases(actor, scope)}
        order by l.id`,
  );
}

let registered = false;

/** The cases module's links into the directory: merge, 360° timeline, personal data. Idempotent. */
export function registerCaseDirectorySources(): void {
  if (registered) return;
  registered = true;
  registerContactLink(caseContactLink);
  registerTimelineSource(caseTimelineSource);
  registerPersonalDataSource({
    key: 'cases',
    fetch: casesOfContact,
    // Erasure unlinks the person from every case (the case itself is the cabinet's work) and
    // forgets them as an intervention's institution.
    async erase(tx, orgId, contactId) {
      await tx
        .delete(caseLinks)
        .where(and(eq(caseLinks.orgId, orgId), eq(caseLinks.kind, 'contact'), eq(caseLinks.recordId, contactId)));
      await tx
        .update(cases)
        .set({ interventionInstitutionContactId: null })
        .where(and(eq(cases.orgId, orgId), eq(cases.interventionInstitutionContactId, contactId)));
    },
  });
}
