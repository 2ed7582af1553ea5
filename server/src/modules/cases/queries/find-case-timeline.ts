import type { TCaseTimelineEntry } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { findTasksAbout } from '../../tasks/queries/find-tasks-about';
import { caseLinkKind, kindsWithRecordsAbout, type RecordAboutCase } from '../case-link-kinds';
import type { CaseRow } from './find-cases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACTION_TITLES: Record<string, string> = {
  'case.create': 'Dossier ouvert',
  'case.update': 'Dossier modifié',
  'case.reopen': 'Dossier rouvert',
  'case.close': 'Dossier clos',
  'case.escalate': 'Maire alerté',
  'case.link': 'Élément lié',
  'case.unlink': 'Lien retiré',
};

const LINK_TITLES: Record<string, string> = {
  contact: 'Contact lié',
  correspondence: 'Courrier lié',
  task: 'Tâche liée',
  event: 'Événement lié',
  note: 'Note liée',
  decision: 'Décision liée',
};

/** The timeline's word for a record that names the case itself. */
const ABOUT_TITLES: Record<string, string> = {
  decision: 'Décision prise',
};

const FIELD_LABELS: Record<string, string> = {
  status: 'statut',
  ownerId: 'responsable',
  team: 'équipe',
  confidentiality: 'confidentialité',
  members: 'personnes habilitées',
  territoryId: 'quartier',
  topics: 'thèmes',
  riskLevel: 'niveau de risque',
  dueDate: 'échéance',
};

const TASK_STATUS_WORDS: Record<string, string> = {
  todo: 'à faire',
  in_progress: 'en cours',
  done: 'faite',
  cancelled: 'annulée',
};

interface LinkRow {
  id: string;
  at: Date | string;
  kind: string;
  record_id: string;
  actor_name: string | null;
}

interface ChangeRow {
  id: string;
  at: Date | string;
  action: string;
  summary: Record<string, unknown>;
  actor_name: string | null;
}

function changeDetail(row: ChangeRow): string | null {
  const s = row.summary ?? {};
  if (row.action === 'case.update' || row.action === 'case.reopen') {
    const changed = new Set(Object.keys((s.after as object) ?? {}));
    if (s.titleChanged) changed.add('title');
    if (s.summaryChanged) changed.add('summary');
    const labels = { ...FIELD_LABELS, title: 'titre', summary: 'résumé' } as Record<string, string>;
    const fields = Object.keys(labels).filter((f) => changed.has(f));
    return fields.length ? `Champs modifiés : ${fields.map((f) => labels[f]).join(', ')}` : null;
  }
  if (row.action === 'case.close' && typeof s.outcome === 'string') return s.outcome;
  return null;
}

/**
 * A case's timeline, newest first: its links (contacts, mail, tasks…), the tasks created about
 * it and the records naming it (decisions) that the actor may see, and its changes (the audit trail, reads left out: they say who
 * looked, not what happened). All have UUIDv7 ids, so one id orders and pages them together. A linked record the actor may not see keeps its
 * entry without its title.
 */
export async function findCaseTimeline(
  db: Queryable,
  actor: Actor,
  found: CaseRow,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TCaseTimelineEntry[]; nextCursor: string | null }> {
  let before = sql`true`;
  let beforeAudit = sql`true`;
  let beforeId: string | null = null;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    beforeId = c.id;
    before = sql`l.id < ${c.id}::uuid`;
    beforeAudit = sql`a.id < ${c.id}::uuid`;
  }
  const n = query.limit + 1;
  const links = await queryRows<LinkRow>(
    db,
    sql`select l.id::text as id, l.created_at as at, l.kind, l.record_id::text as record_id, u.name as actor_name
        from case_links l left join users u on u.id = l.created_by
        where l.org_id = ${actor.orgId} and l.case_id = ${found.id} and ${before}
        order by l.id desc limit ${n}`,
  );
  // audit_org_record_idx.
  const changes = await queryRows<ChangeRow>(
    db,
    sql`select a.id::text as id, a.at, a.action, a.summary, u.name as actor_name
        from audit_log a left join users u on u.id = a.actor_id
        where a.org_id = ${actor.orgId} and a.record_type = 'case' and a.record_id = ${found.id}
          and a.action not in ('case.read', 'case.link', 'case.unlink') and ${beforeAudit}
        order by a.id desc limit ${n}`,
  );
  const tasks = await findTasksAbout(db, actor, { kind: 'case', id: found.id }, beforeId, n);
  const about: { kind: string; record: RecordAboutCase }[] = [];
  for (const kind of kindsWithRecordsAbout()) {
    const records = (await kind.recordsAbout?.(db, actor, found.id, beforeId, n)) ?? [];
    about.push(...records.map((record) => ({ kind: kind.kind, record })));
  }
  const merged = [
    ...links.map((l) => ({ key: l.id, link: l })),
    ...changes.map((c) => ({ key: c.id, change: c })),
    ...tasks.map((task) => ({ key: task.id, task })),
    ...about.map((a) => ({ key: a.record.id, about: a })),
  ].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const page = merged.slice(0, query.limit);
  const data: TCaseTimelineEntry[] = [];
  for (const entry of page) {
    if ('link' in entry && entry.link) {
      const l = entry.link;
      const record = await caseLinkKind(l.kind as never)?.describe(db, actor, l.record_id);
      data.push({
        id: `link:${l.id}`,
        at: new Date(l.at).toISOString(),
        type: 'link',
        action: l.kind,
        title: LINK_TITLES[l.kind] ?? 'Élément lié',
        detail: record ? record.title : 'Élément auquel vous n’avez pas accès',
        url: record?.url ?? null,
        actorName: l.actor_name,
      });
    } else if ('task' in entry && entry.task) {
      const task = entry.task;
      data.push({
        id: `task:${task.id}`,
        at: task.createdAt.toISOString(),
        type: 'link',
        action: 'task',
        title: 'Tâche créée',
        detail: `${task.title} (${TASK_STATUS_WORDS[task.status]}${task.dueDate ? `, échéance ${task.dueDate}` : ''})`,
        url: `/tasks/${task.id}`,
        actorName: task.createdByName,
      });
    } else if ('about' in entry && entry.about) {
      const { kind, record } = entry.about;
      data.push({
        id: `${kind}:${record.id}`,
        at: record.at.toISOString(),
        type: 'link',
        action: kind,
        title: ABOUT_TITLES[kind] ?? 'Élément lié',
        detail: record.detail ? `${record.title} — ${record.detail}` : record.title,
        url: record.url,
        actorName: record.actorName,
      });
    } else if ('change' in entry && entry.change) {
      const c = entry.change;
      data.push({
        id: `audit:${c.id}`,
        at: new Date(c.at).toISOString(),
        type: 'change',
        action: c.action,
        title: ACTION_TITLES[c.action] ?? `Événement : ${c.action}`,
        detail: changeDetail(c),
        url: null,
        actorName: c.actor_name,
      });
    }
  }
  const last = page.at(-1);
  return { data, nextCursor: merged.length > query.limit && last ? encodeCursor({ id: last.key }) : null };
}
