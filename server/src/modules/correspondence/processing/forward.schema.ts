import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn } from '../../../platform/db/columns';
import { contacts } from '../../directory/directory.schema';
import { organisations } from '../../org/org.schema';
import { correspondenceItems } from '../correspondence.schema';

/**
 * An item forwarded to the competent authority (CRPA L.114-2): who it went to, and the two
 * letters as sent (their words kept, so that a letter printed again is the one registered):
 * the cover letter to the authority and the transmission letter to the writer, each an
 * outgoing item of the D register. One per item: a forwarded item is finished.
 */
export const correspondenceForwards = pgTable(
  'correspondence_forwards',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    authorityName: text('authority_name').notNull(),
    authorityContactId: uuid('authority_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    authorityEmail: text('authority_email'),
    authorityAddress: text('authority_address'),
    comment: text('comment'),
    authorityLetterItemId: uuid('authority_letter_item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    writerLetterItemId: uuid('writer_letter_item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    authorityLetterHtml: text('authority_letter_html').notNull(),
    writerLetterHtml: text('writer_letter_html').notNull(),
    forwardedBy: uuid('forwarded_by').references(() => users.id, { onDelete: 'set null' }),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('correspondence_forwards_item_uq').on(t.itemId),
    index('correspondence_forwards_org_idx').on(t.orgId, t.forwardedAt),
  ],
);
