import { ANONYMISED_NAME, type TMandateFunction } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { uuidArray } from '../duplicates/find-matches';
import { registerTimelineSource, type TimelineFetch, type TimelineItem } from './timeline-registry';

/** The `(at, id) < cursor` condition every source writes the same way. */
function beforeCursor(at: ReturnType<typeof sql>, id: ReturnType<typeof sql>, q: TimelineFetch) {
  if (!q.before) return sql`true`;
  const t = q.before.at.toISOString();
  return sql`(date_trunc('milliseconds', ${at}) < ${t}::timestamptz
             or (date_trunc('milliseconds', ${at}) = ${t}::timestamptz and ${id} collate "C" < ${q.before.id}))`;
}

const ACTION_TITLES: Record<string, string> = {
  'contact.create': 'Fiche créée',
  'contact.update': 'Fiche modifiée',
  'contact.delete': 'Fiche supprimée',
  'contact.merge': 'Doublon fusionné dans cette fiche',
  'contact.merge_undo': 'Fusion annulée',
  'relation.create': 'Relation ajoutée',
  'relation.update': 'Relation modifiée',
  'relation.delete': 'Relation supprimée',
  'duplicate.dismiss': 'Doublon écarté',
  'contact.anonymise': 'Données anonymisées (durée de conservation écoulée)',
  'contact.erase': 'Données effacées à la demande de la personne',
};

const FIELD_LABELS: Record<string, string> = {
  civility: 'civilité',
  firstName: 'prénom',
  lastName: 'nom',
  name: 'nom de l’organisme',
  orgType: 'type d’organisme',
  formOfAddress: 'formule d’appel',
  jobTitle: 'fonction',
  employer: 'employeur',
  addresses: 'adresses',
  emails: 'courriels',
  phones: 'téléphones',
  territoryId: 'quartier',
  tags: 'étiquettes',
  notes: 'notes',
  source: 'source',
  consent: 'consentement',
  consentDate: 'date du consentement',
  confidentiality: 'confidentialité',
  members: 'personnes habilitées',
};

const RELATION_WORDS: Record<string, string> = {
  works_for: 'travaille pour',
  member_of: 'membre de',
  chairs: 'préside',
  spouse_of: 'conjoint(e) de',
  parent_of: 'parent de',
  represents: 'représente',
  advisor_to: 'conseille',
  other: 'autre relation',
};

interface AuditRow {
  id: string;
  at: Date | string;
  action: string;
  record_id: string;
  summary: Record<string, unknown>;
  actor_name: string | null;
  undoable: boolean;
  /** The other contact of a merge or a dismissed pair has been anonymised since. */
  duplicate_anonymised: boolean;
}

/** Imports write the same actions as the forms, with their source: say it was an import. */
function titleOf(row: AuditRow): string {
  const imported = typeof row.summary?.source === 'string' || typeof row.summary?.importId === 'string';
  if (imported && row.action === 'contact.create') return `Fiche importée (${String(row.summary.source ?? 'fichier')})`;
  if (imported && row.action === 'contact.update') {
    return `Fiche mise à jour par import (${String(row.summary.source ?? 'fichier')})`;
  }
  return ACTION_TITLES[row.action] ?? `Événement : ${row.action}`;
}

function summarise(row: AuditRow, contactId: string, names: Map<string, string>): string | null {
  const s = row.summary ?? {};
  const parts: string[] = [];
  if (row.action === 'contact.update') {
    // In the form's order, whatever order jsonb gives the keys back in.
    const changed = new Set(Object.keys((s.after as object) ?? {}));
    const fields = Object.keys(FIELD_LABELS)
      .filter((f) => changed.has(f))
      .map((f) => FIELD_LABELS[f]);
    if (fields.length) parts.push(`Champs modifiés : ${fields.join(', ')}`);
  }
  if (row.action === 'contact.merge' || row.action === 'contact.merge_undo' || row.action === 'duplicate.dismiss') {
    // The audit row keeps the duplicate's name as it was; once that person is anonymised
    // (erasure or retention) the timeline must not show it any more: audit rows are never
    // rewritten, so the name is masked where it is read.
    if (row.duplicate_anonymised) parts.push(`« ${ANONYMISED_NAME} »`);
    else if (typeof s.duplicateName === 'string') parts.push(`« ${s.duplicateName} »`);
  }
  if (row.action.startsWith('relation.')) {
    const kind = ((s.after as { kind?: string })?.kind ?? (s.before as { kind?: string })?.kind ?? s.kind) as string;
    if (kind && RELATION_WORDS[kind]) parts.push(RELATION_WORDS[kind]);
  }
  if (row.record_id !== contactId) {
    parts.push(`historique de « ${names.get(row.record_id) ?? 'fiche fusionnée'} », fusionnée dans cette fiche`);
  }
  return parts.length ? parts.join(' — ') : null;
}

/**
 * The contact's audit history (and that of the contacts merged into it), newest first:
 * creation, changes, imports, merges, relations. Reads of a confidential contact are left out:
 * they say who looked, not what happened to the contact.
 */
export const auditTimelineSource = {
  kind: 'audit',
  async fetch(db: Queryable, actor: Actor, contactId: string, q: TimelineFetch): Promise<TimelineItem[]> {
    const entryId = sql`('audit:' || a.id::text)`;
    const rows = await queryRows<AuditRow>(
      db,
      sql`select a.id::text as id, a.at, a.action, a.record_id, a.summary, u.name as actor_name,
                 (a.action = 'contact.merge' and exists (
                    select 1 from contacts d
                    where d.org_id = a.org_id and d.id = (a.summary->>'duplicateId')::uuid
                      and d.merged_into_id::text = a.record_id)) as undoable,
                 (a.summary ? 'duplicateId' and exists (
                    select 1 from contacts d
                    where d.org_id = a.org_id and d.id = (a.summary->>'duplicateId')::uuid
                      and d.anonymised_at is not null)) as duplicate_anonymised
          from audit_log a
          left join users u on u.id = a.actor_id
          where a.org_id = ${actor.orgId}
            and a.record_type = 'contact' and a.record_id = any(${sql`${`{${q.contactIds.join(',')}}`}::text[]`})
            and a.action <> 'contact.read'
            and ${beforeCursor(sql`a.at`, entryId, q)}
          order by date_trunc('milliseconds', a.at) desc, ${entryId} collate "C" desc
          limit ${q.limit}`,
    );
    const names = await mergedNames(
      db,
      q.contactIds.filter((id) => id !== contactId),
    );
    return rows.map((r) => ({
      id: `audit:${r.id}`,
      at: new Date(r.at),
      title: titleOf(r),
      summary: summarise(r, contactId, names),
      link: null,
      actorName: r.actor_name,
      undoMergeAuditId: r.undoable && r.record_id === contactId ? r.id : null,
    }));
  },
};

async function mergedNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; display_name: string }>(
    db,
    sql`select id::text, display_name from contacts where id = any(${uuidArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

const FUNCTION_LABELS: Record<TMandateFunction, string> = {
  maire: 'Maire',
  adjoint: 'Adjoint(e) au maire',
  conseiller_delegue: 'Conseiller(ère) délégué(e)',
  conseiller_municipal: 'Conseiller(ère) municipal(e)',
  president: 'Président(e)',
  vice_president: 'Vice-président(e)',
  conseiller_departemental: 'Conseiller(ère) départemental(e)',
  membre_congres: 'Membre du Congrès',
  membre_assemblee_province: 'Membre de l’assemblée de province',
  other: 'Mandat',
};

interface MandateEventRow {
  id: string;
  at: Date | string;
  event: 'start' | 'end';
  function: TMandateFunction;
  label: string | null;
  collectivity_name: string | null;
  body_name: string | null;
}

/** Mandates of the contact: their start, and their end once it has passed. */
export const mandateTimelineSource = {
  kind: 'mandate',
  async fetch(db: Queryable, actor: Actor, _contactId: string, q: TimelineFetch): Promise<TimelineItem[]> {
    const entryId = sql`('mandate:' || e.id::text || ':' || e.event)`;
    const rows = await queryRows<MandateEventRow>(
      db,
      sql`select e.* from (
            select m.id, m.start_date::timestamptz as at, 'start' as event, m.function, m.label,
                   m.collectivity_name, m.body_name
            from mandates m
            where m.org_id = ${actor.orgId}
              and m.contact_id = any(${uuidArray(q.contactIds)}) and m.start_date is not null
            union all
            select m.id, m.end_date::timestamptz, 'end', m.function, m.label, m.collectivity_name, m.body_name
            from mandates m
            where m.org_id = ${actor.orgId}
              and m.contact_id = any(${uuidArray(q.contactIds)}) and m.end_date <= current_date
          ) e
          where ${beforeCursor(sql`e.at`, entryId, q)}
          order by date_trunc('milliseconds', e.at) desc, ${entryId} collate "C" desc
          limit ${q.limit}`,
    );
    return rows.map((r) => {
      const what = r.label ?? FUNCTION_LABELS[r.function];
      return {
        id: `mandate:${r.id}:${r.event}`,
        at: new Date(r.at),
        title: `${r.event === 'start' ? 'Début de mandat' : 'Fin de mandat'} : ${what}`,
        summary: r.collectivity_name ?? r.body_name ?? null,
        link: null,
        actorName: null,
      };
    });
  },
};

let registered = false;

/** The directory's own sources; idempotent. */
export function registerDirectoryTimelineSources(): void {
  if (registered) return;
  registered = true;
  registerTimelineSource(auditTimelineSource);
  registerTimelineSource(mandateTimelineSource);
}
