import type { TMandate, TMandateFunction, TRole } from '@dircab/contracts';

// Mirrors server/src/modules/directory/officials.policy.ts, for what has no record yet (the
// create buttons, the tabs); records carry their own `policies`.
const CABINET: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
];
const WRITERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

/** Who may declare an official or create a political group (OFFICIAL_ROLES.write). */
export const canWriteOfficials = (role: TRole) => WRITERS.includes(role);
/** Who sees affiliations, hence the groups page and the list's group filter (cabinet roles). */
export const canSeeAffiliations = (role: TRole) => CABINET.includes(role);

/** A mandate in force on `today` (ISO date): no end, or an end not yet passed. */
export function inForce(m: Pick<TMandate, 'startDate' | 'endDate'>, today: string): boolean {
  return (!m.startDate || m.startDate <= today) && (!m.endDate || m.endDate >= today);
}

const PRECEDENCE: Record<TMandateFunction, number> = {
  maire: 1,
  president: 1,
  adjoint: 2,
  vice_president: 2,
  conseiller_delegue: 3,
  conseiller_municipal: 4,
  conseiller_departemental: 4,
  membre_congres: 5,
  membre_assemblee_province: 5,
  other: 5,
};

/** A mandate's place in the council's order (the server's order, find-officials.ts). */
export function mandateOrder(m: Pick<TMandate, 'function' | 'rank'>): number {
  return PRECEDENCE[m.function] * 100 + (m.rank === null ? 99 : Math.min(m.rank, 98));
}

/** The official's mandates in force, highest first: what the list shows as their function. */
export function currentMandates(mandates: TMandate[], today: string): TMandate[] {
  return mandates.filter((m) => inForce(m, today)).sort((a, b) => mandateOrder(a) - mandateOrder(b));
}

/** Today in the browser, as an ISO date. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** An ISO date (2026-03-22) as the reader writes it (22/03/2026), whatever the browser's zone. */
export function formatIsoDate(iso: string, language: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeZone: 'UTC' }).format(
    d,
  );
}
