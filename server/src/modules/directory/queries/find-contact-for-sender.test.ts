import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestOrg, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { findContactForSender, senderByNameQuery } from './find-contact-for-sender';

// A letter's writer matched to the directory by exact name at every registration: by one
// range of contacts_org_name_key_idx, whether the directory holds the name or not.

let t: TestApp;
let org: TestOrg;
let actor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['chief_of_staff']);
  const user = org.users.chief_of_staff;
  actor = {
    userId: user.id,
    name: user.name,
    email: user.email,
    orgId: org.orgId,
    role: 'chief_of_staff',
    sessionId: '',
    ip: '127.0.0.1',
  };
  // 3,000 people, ten of each name, as an address book where names repeat.
  await t.app.ctx.db.execute(sql`
    insert into contacts (id, org_id, kind, first_name, last_name, display_name, sort_name)
    select gen_random_uuid(), ${org.orgId}, 'person', 'Prénom' || (g % 300), 'Nom' || (g % 300),
           'Prénom' || (g % 300) || ' NOM' || (g % 300), 'nom' || (g % 300) || ' prénom' || (g % 300)
    from generate_series(1, 3000) g`);
  await t.app.ctx.db.execute(sql`analyze contacts`);
}, 60_000);
afterAll(async () => t.close());

describe('matching a writer by name', () => {
  it('finds the first live contact of the name, accents and case forgiven, and none for a name not there', async () => {
    const [first] = await queryRows<{ id: string }>(
      t.app.ctx.db,
      sql`select id from contacts where org_id = ${org.orgId} and display_name = 'Prénom42 NOM42' order by id limit 1`,
    );
    expect(await findContactForSender(t.app.ctx.db, actor, { name: ' prenom42 nom42 ' })).toEqual(first);
    expect(await findContactForSender(t.app.ctx.db, actor, { name: 'Zorglub Nomade' })).toBeNull();
  });

  it('reads one range of the name index, not the organisation’s contacts, for a name the directory lacks', async () => {
    for (const name of ['Zorglub Nomade', 'Prénom7 NOM7']) {
      const plan = await queryRows<{ 'QUERY PLAN': string }>(
        t.app.ctx.db,
        sql`explain analyze ${senderByNameQuery(t.app.ctx.db, actor, name)}`,
      );
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text, name).toMatch(/Index Scan using contacts_org_name_key_idx/);
      // Before the index, the planner walked the primary key in id order to its first match:
      // all 3,000 rows for a name not there.
      expect(text, name).not.toMatch(/contacts_pkey|Seq Scan/);
      const removed = [...text.matchAll(/Rows Removed by Filter: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
      expect(removed, name).toBeLessThan(20);
    }
  });
});
