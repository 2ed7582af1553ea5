import type { TCaseExportQuery } from '@dircab/contracts';
import { and, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { CSV_BOM, csvLine } from '../../directory/privacy/csv-format';
import { cases } from '../cases.schema';
import { auditConfidentialRead } from '../commands/read-case';
import { caseFilters } from './find-cases';

/** Rows read per keyset page: memory stays flat whatever the list's size. */
const PAGE = 500;

const HEADERS = [
  'Identifiant',
  'Type',
  'Titre',
  'Statut',
  'Confidentialité',
  'Risque',
  'Thèmes',
  'Échéance',
  'Alerté le',
  'Créé le',
  'Clos le',
];

const WORDS: Record<string, string> = {
  constituent_request: 'Sollicitation',
  intervention: 'Intervention',
  sensitive_matter: 'Dossier sensible',
  project: 'Projet',
  other: 'Autre',
  open: 'Ouvert',
  in_progress: 'En cours',
  waiting: 'En attente',
  closed: 'Clos',
  normal: 'Normal',
  restricted: 'Cabinet',
  confidential: 'Confidentiel',
  low: 'Faible',
  medium: 'Moyen',
  high: 'Élevé',
  critical: 'Critique',
};

/**
 * The case list as CSV (French spreadsheet conventions), only what the actor may see: the
 * list's own SQL filter. Each page is read in a short transaction that also audits the
 * confidential cases it contains (an export is a read).
 */
export async function* streamCasesCsv(db: Db, actor: Actor, query: TCaseExportQuery): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(HEADERS);
  let after: string | null = null;
  for (;;) {
    const where = caseFilters(actor, query);
    if (after) where.push(sql`${cases.id} < ${after}::uuid`);
    const rows = await db.transaction(async (tx) => {
      const page = await tx
        .select()
        .from(cases)
        .where(and(...where))
        .orderBy(sql`${cases.id} desc nulls last`)
        .limit(PAGE);
      for (const row of page) await auditConfidentialRead(tx, actor, row, 'export');
      return page;
    });
    for (const r of rows) {
      yield csvLine([
        r.id,
        WORDS[r.kind],
        r.title,
        WORDS[r.status],
        WORDS[r.confidentiality],
        WORDS[r.riskLevel],
        r.topics.join(', '),
        r.dueDate,
        r.escalatedAt?.toISOString() ?? null,
        r.createdAt.toISOString(),
        r.closedAt?.toISOString() ?? null,
      ]);
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)?.id ?? null;
  }
}
