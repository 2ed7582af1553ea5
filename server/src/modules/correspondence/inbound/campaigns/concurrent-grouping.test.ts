import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../../test/test-app';
import { queryRows } from '../../../../platform/db/client';

let t: TestApp;
let org: TestOrg;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['secretariat']);
  cookie = await signIn(t.app, org.users.secretariat);
});
afterAll(() => t.close());

const letter = (name: string) =>
  `Madame la Maire, je soussigné ${name} demande avec les parents d’élèves de l’école Gustave Mouchet ` +
  'la pose d’un ralentisseur et d’un passage piéton éclairé devant l’entrée de l’école, rue Jules Garnier, ' +
  'où les voitures roulent trop vite aux heures de sortie des classes. Deux enfants ont déjà été frôlés ce mois-ci. ' +
  'Nous vous prions d’agréer, Madame la Maire, l’expression de nos salutations respectueuses.';

describe('campaign grouping under concurrent registration', () => {
  it('puts near-identical letters registered at the same instant in one campaign (review note)', async () => {
    const writers = ['Jean Dupont', 'Marie Wéa', 'Paul Néa', 'Léa Martin', 'Anne Kasarhérou', 'Éric Tein'];
    // Every request leaves before any answer: on PostgreSQL they run in parallel transactions.
    const answers = await Promise.all(
      writers.map((name) =>
        as(t.app, cookie).post('/api/v1/correspondence', {
          direction: 'in',
          channel: 'postal',
          subject: 'Sécurité devant l’école Gustave Mouchet',
          body: letter(name),
          sender: { name },
        }),
      ),
    );
    for (const res of answers) expect(res.statusCode, res.body).toBe(201);
    const ids = answers.map((res) => res.json().id as string);
    const campaigns = await queryRows<{ campaign_id: string; items: number }>(
      t.app.ctx.db,
      sql`select campaign_id, count(*)::int as items from correspondence_campaign_items
          where org_id = ${org.orgId} group by campaign_id`,
    );
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]?.items).toBe(writers.length);
    const grouped = await queryRows<{ item_id: string }>(
      t.app.ctx.db,
      sql`select item_id from correspondence_campaign_items where org_id = ${org.orgId}`,
    );
    expect(grouped.map((g) => g.item_id).sort()).toEqual([...ids].sort());
  });
});
