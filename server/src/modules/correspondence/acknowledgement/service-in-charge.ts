import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { services } from '../../directory/directory.schema';
import type { ItemRow } from '../queries/find-correspondence';
import type { LetterheadRow } from './letterhead';

export interface ServiceInCharge {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/**
 * The service R.112-5 asks the acknowledgement to name: the lead service the item is routed
 * to for action, else the cabinet's secretariat, which registered it and answers until then.
 * The one place to change when routing rules change.
 */
export async function serviceInCharge(
  db: Queryable,
  item: ItemRow,
  letterhead: LetterheadRow,
): Promise<ServiceInCharge> {
  if (item.leadServiceId) {
    const [service] = await db
      .select({ name: services.name, email: services.email, phone: services.phone, address: services.address })
      .from(services)
      .where(and(eq(services.orgId, item.orgId), eq(services.id, item.leadServiceId)));
    if (service) {
      return {
        ...service,
        // A service without its own address is reached at the town hall's.
        address: service.address ?? (letterhead.addressLines.join(', ') || null),
      };
    }
  }
  return {
    name: letterhead.secretariatName,
    email: letterhead.secretariatEmail ?? letterhead.email,
    phone: letterhead.secretariatPhone ?? letterhead.phone,
    address: letterhead.addressLines.join(', ') || null,
  };
}
