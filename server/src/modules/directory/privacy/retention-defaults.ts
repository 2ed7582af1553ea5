import type { TRetentionInput } from '@dircab/contracts';

/**
 * What a French town hall keeps, in months, when it has set nothing (CNIL guidance on the files
 * of local elected officials and of their cabinet's relations with constituents):
 * - constituents: 3 years after the last exchange. The CNIL accepts keeping a constituent's
 *   data for the time needed to answer and follow up, and no longer than the mandate; three
 *   years from the last exchange is its usual figure for a « fichier de relations » and is
 *   shorter than a 6-year municipal mandate, so an inactive file never outlives the term.
 * - elected persons of other bodies: public figures whose functions are public; 6 years (one
 *   municipal term) after their last mandate ended or the last exchange, whichever is later.
 * - the organisation's own officials: never while a mandate is in force; 6 years after the end
 *   of their last mandate (the following term still answers for the previous one's files).
 * - organisations: a company's or an association's card is not personal data as such (name,
 *   switchboard, address), so it is kept; but its notes may name people, so notes are cleared
 *   5 years after the last activity.
 */
export const DEFAULT_RETENTION: TRetentionInput = {
  constituents: 36,
  otherOfficials: 72,
  ownOfficials: 72,
  organisationNotes: 60,
};

/** Contact kinds the API's labels and the job share. */
export type RetentionCategory = 'constituent' | 'otherOfficial' | 'ownOfficial' | 'organisation';
