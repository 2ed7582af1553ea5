import { problems } from '../../../platform/errors/problem';
import type { ContactRow } from '../queries/find-contacts';

/**
 * An anonymised contact is a « Contact anonymisé » shell kept only so other records' links
 * hold (privacy/). Editing it would put a person back into the search under an erased card,
 * deleting it would break those links' history, and relating to it would attach new facts to
 * someone whose data was erased: 409, nothing written.
 */
export function refuseAnonymised(contact: Pick<ContactRow, 'anonymisedAt'>, path?: string): void {
  if (!contact.anonymisedAt) return;
  const detail = 'Ce contact a été anonymisé (données personnelles effacées) : il ne peut plus être modifié.';
  throw problems.conflict(
    detail,
    path ? [{ path, message: 'Ce contact a été anonymisé : choisissez-en un autre.', code: 'anonymised' }] : undefined,
  );
}
