import type { TRole } from '@dircab/contracts';
import { ApiError } from '../../app/api/http';

// Records carry their own `policies`; creating has no record yet, so the two create rules
// are mirrored here, in one place, from server/src/modules/directory/directory.policy.ts.
const CABINET: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
];
const REFERENCE_KEEPERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'admin'];

/** Whether the role may add a contact (the server's writeContacts). */
export const canCreateContact = (role: TRole) => CABINET.includes(role);
/** Whether the role may add a territory or a service (the server's manageReference). */
export const canManageReference = (role: TRole) => REFERENCE_KEEPERS.includes(role);

export const DIRECTORY_PATH = '/directory';
export const contactPath = (id: string) => `${DIRECTORY_PATH}/contacts/${encodeURIComponent(id)}`;

/** A number in E.164 shown in groups: +687 28 12 34, +33 6 12 34 56 78. */
export function formatPhone(e164: string): string {
  const nc = /^\+687(\d{6})$/.exec(e164);
  if (nc?.[1]) return `+687 ${nc[1].replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  const fr = /^\+33(\d)(\d{8})$/.exec(e164);
  if (fr?.[1] && fr[2]) return `+33 ${fr[1]} ${fr[2].replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  return e164;
}

/**
 * The server's field errors (problem+json `errors[].path`, such as `addresses.0.postcode`)
 * as a form's errors, keyed by the same dotted path; the first message per field wins.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem?.errors ?? []) {
    const path = e.path.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
    if (path && !(path in out)) out[path] = e.message;
  }
  return out;
}
