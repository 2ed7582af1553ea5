import { findItem } from '../correspondence/queries/find-correspondence';
import { registerDecisionCaseLink } from '../decisions/decision-registrations';
import { findContact } from '../directory/queries/find-contacts';
import { findTask } from '../tasks/queries/find-tasks';
import { registerCaseLinkKind } from './case-link-kinds';

/** The kinds a case links to today: directory contacts, correspondence items, tasks, decisions. */
export function registerCaseLinkKinds(): void {
  registerCaseLinkKind({
    kind: 'contact',
    async describe(db, actor, id) {
      const c = await findContact(db, actor, id);
      return c ? { title: c.displayName, url: `/directory/contacts/${c.id}` } : null;
    },
  });
  registerCaseLinkKind({
    kind: 'correspondence',
    async describe(db, actor, id) {
      const item = await findItem(db, actor, id);
      return item
        ? { title: `${item.registrationNumber} — ${item.subject}`, url: `/correspondence/items/${item.id}` }
        : null;
    },
  });
  registerCaseLinkKind({
    kind: 'task',
    async describe(db, actor, id) {
      const t = await findTask(db, actor, id);
      return t ? { title: t.title, url: `/tasks/${t.id}` } : null;
    },
  });
  // The decisions module describes its own records (decision-registrations.ts).
  registerDecisionCaseLink();
}
