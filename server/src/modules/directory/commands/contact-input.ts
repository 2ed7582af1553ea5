import type { TCreateContact, TUpdateContact } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js/max';
import type { Queryable } from '../../../platform/db/client';
import { type FieldError, problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { type ContactPhone, territories } from '../directory.schema';
import { normalisePhone } from '../phone';

/**
 * Checks what the contract cannot: phone numbers (normalised to E.164 with the organisation's
 * region) and the territory, which must belong to the organisation. 400 with the field paths.
 */
export async function checkContactInput(
  tx: Queryable,
  actor: Actor,
  input: TCreateContact | TUpdateContact,
  region: CountryCode,
): Promise<{ phones: ContactPhone[] | undefined }> {
  const errors: FieldError[] = [];
  const phones = input.phones?.map((p, i) => {
    const number = normalisePhone(p.number, region);
    if (!number) {
      errors.push({ path: `phones.${i}.number`, message: 'Numéro de téléphone invalide.', code: 'invalid_phone' });
    }
    return { label: p.label ?? null, number: number ?? p.number };
  });
  if (input.territoryId) {
    const [territory] = await tx
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.orgId, actor.orgId), eq(territories.id, input.territoryId)));
    if (!territory) {
      errors.push({ path: 'territoryId', message: 'Ce quartier n’existe pas.', code: 'unknown_territory' });
    }
  }
  if (errors.length) throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', errors);
  return { phones };
}

/** Today in UTC, as a date: when consent is given without a date. */
export const today = () => new Date().toISOString().slice(0, 10);
