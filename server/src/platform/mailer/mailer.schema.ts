import { MAIL_SECURITY_MODES } from '@dircab/contracts/mail-settings';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../modules/org/org.schema';
import { updatedAtColumn } from '../db/columns';

/**
 * One outgoing mail server per organisation. The password is stored encrypted (AES-256-GCM,
 * mail-secret.ts) with a key derived from the instance secret: a copy of the database alone
 * does not give the mailbox away when the secret is kept outside it (DIRCAB_SECRET).
 */
export const mailSettings = pgTable('mail_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  security: text('security', { enum: MAIL_SECURITY_MODES }).notNull(),
  username: text('username'),
  passwordEncrypted: text('password_encrypted'),
  fromAddress: text('from_address').notNull(),
  fromName: text('from_name').notNull(),
  replyTo: text('reply_to'),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAtColumn(),
});
