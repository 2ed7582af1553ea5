import type { TRole } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import { indexRecord } from '../../../platform/search/search-index';
import { memberships } from '../org.schema';

/** French titles of the roles (DOMAIN.md), so searching "directeur de cabinet" finds the person. */
const ROLE_TITLES_FR: Record<TRole, string> = {
  executive: 'Maire, Président(e)',
  chief_of_staff: 'Directeur(trice) de cabinet',
  cabinet_head: 'Chef(fe) de cabinet',
  advisor: 'Conseiller(ère), chargé(e) de mission',
  secretariat: 'Secrétariat des élus, assistant(e)',
  communication: 'Chargé(e) de communication',
  official: 'Adjoint(e), vice-président(e), conseiller(ère)',
  services: 'Services, DGS, directeur(trice)',
  group_staff: 'Collaborateur(trice) de groupe d’élus',
  admin: 'Administrateur(trice) de l’application',
};

/**
 * Puts a member of an organisation in the search index (kind `member`) from what the
 * database holds now, in the caller's transaction; updateMember calls it too.
 */
export async function indexMember(tx: Queryable, orgId: string, userId: string): Promise<void> {
  const [member] = await tx
    .select({ name: users.name, email: users.email, role: memberships.role, jobTitle: memberships.jobTitle })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!member) return;
  await indexRecord(tx, {
    orgId,
    kind: 'member',
    recordId: userId,
    title: member.name,
    body: [member.jobTitle, ROLE_TITLES_FR[member.role], member.email].filter(Boolean).join(' · '),
    url: `/admin/members/${userId}`,
    confidentiality: 'normal',
  });
}
