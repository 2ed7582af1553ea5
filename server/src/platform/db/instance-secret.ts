import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { instanceSettings } from './settings.schema';

const KEY = 'auth_secret';

/**
 * The secret that signs session cookies: generated on first start and kept in the database,
 * so sessions survive restarts without anyone having to configure it.
 */
export async function loadInstanceSecret(db: Db): Promise<string> {
  await db
    .insert(instanceSettings)
    .values({ key: KEY, value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, KEY));
  if (!row) throw new Error('instance secret missing');
  return row.value;
}
