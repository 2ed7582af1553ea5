import type { TMailSettings, TUpdateMailSettings } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Queryable } from '../db/client';
import type { Actor } from '../policy/actor';
import { currentMailKey, encryptSecret } from './mail-secret';
import { mailSettings } from './mailer.schema';

export type MailSettingsRow = typeof mailSettings.$inferSelect;

/** Who keeps the mail server's settings: the admin, who keeps settings, and the director of cabinet. */
export const MAIL_SETTINGS_ROLES = ['admin', 'chief_of_staff'] as const;

export async function findMailSettings(db: Queryable, orgId: string): Promise<MailSettingsRow | null> {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.orgId, orgId));
  return row ?? null;
}

/** The settings as shown: never the password, only whether one is stored. */
export function presentMailSettings(row: MailSettingsRow | null): TMailSettings {
  return {
    configured: row !== null,
    host: row?.host ?? null,
    port: row?.port ?? null,
    security: row?.security ?? 'starttls',
    user: row?.username ?? null,
    passwordSet: row?.passwordEncrypted != null,
    fromAddress: row?.fromAddress ?? null,
    fromName: row?.fromName ?? null,
    replyTo: row?.replyTo ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    // The routes admit only the roles that may change them.
    policies: { update: true, test: row !== null },
  };
}

/** Creates or replaces the organisation's mail server; the password is kept unless given or cleared. */
export async function updateMailSettings(
  tx: Queryable,
  actor: Actor,
  input: TUpdateMailSettings,
): Promise<MailSettingsRow> {
  const before = await findMailSettings(tx, actor.orgId);
  const passwordEncrypted =
    input.password === undefined
      ? (before?.passwordEncrypted ?? null)
      : input.password === null
        ? null
        : encryptSecret(input.password, currentMailKey());
  const values = {
    host: input.host,
    port: input.port,
    security: input.security,
    username: input.user || null,
    passwordEncrypted,
    fromAddress: input.fromAddress.toLowerCase(),
    fromName: input.fromName,
    replyTo: input.replyTo?.toLowerCase() ?? null,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(mailSettings)
    .values({ orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: mailSettings.orgId, set: values })
    .returning();
  if (!row) throw new Error('mail settings not saved');
  const shown = (r: MailSettingsRow | null) =>
    r && {
      host: r.host,
      port: r.port,
      security: r.security,
      user: r.username,
      fromAddress: r.fromAddress,
      fromName: r.fromName,
      replyTo: r.replyTo,
    };
  await recordAudit(tx, actor, {
    action: 'mail.settings.update',
    recordType: 'mail_settings',
    recordId: actor.orgId,
    // The password is never written to the audit, only that it changed.
    summary: { before: shown(before), after: shown(row), passwordChanged: input.password !== undefined },
  });
  return row;
}
