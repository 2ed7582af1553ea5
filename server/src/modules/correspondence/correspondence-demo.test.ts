import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { addMonths, addWorkingDays, calendarForOrganisation } from '../../platform/calendar/working-days';
import { queryRows } from '../../platform/db/client';

const password = 'demo-password-for-tests';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
});
afterAll(() => t.close());

interface Item {
  id: string;
  registrationNumber: string;
  sequence: number;
  subject: string;
  channel: string;
  receivedAt: string;
  confidentiality: string;
  dueDate: string | null;
  implicitDecisionDate: string | null;
  implicitDecisionRule: string | null;
}

describe('correspondence demo (Mont-Dore)', () => {
  it('registers a dozen incoming items, numbered in order of arrival, with their dates', async () => {
    const dircab = as(t.app, await signIn(t.app, { email: 'dircab@mont-dore.example', password }));
    const items = (await dircab.get('/api/v1/correspondence?limit=50')).json().data as Item[];
    expect(items).toHaveLength(12);
    // Newest first in the list, so the sequences run down 12 … 1.
    expect(items.map((i) => i.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => 12 - i));

    const calendar = calendarForOrganisation({ officialCode: '98817', timeZone: 'Pacific/Noumea' });
    const request = items.find((i) => i.channel === 'email' && i.implicitDecisionRule === 'acceptance');
    expect(request).toBeDefined();
    const received = new Date(request?.receivedAt ?? '');
    expect(request?.implicitDecisionDate).toBe(addMonths(received, 2, 'Pacific/Noumea'));
    expect(request?.dueDate).toBe(addWorkingDays(received, 10, calendar));
    expect(items.find((i) => i.subject.startsWith('Demande de subvention'))?.implicitDecisionRule).toBe('rejection');
  });

  it('keeps the confidential item from the advisor and shows it to the director of cabinet', async () => {
    const conseiller = as(t.app, await signIn(t.app, { email: 'conseiller@mont-dore.example', password }));
    const seen = (await conseiller.get('/api/v1/correspondence?limit=50')).json().data as Item[];
    expect(seen).toHaveLength(11);
    expect(seen.some((i) => i.confidentiality === 'confidential')).toBe(false);
  });

  it('gives Mont-Dore the standard item types and the CCAS none', async () => {
    const rows = await queryRows<{ slug: string; n: number }>(
      t.app.ctx.db,
      sql`select o.slug, count(t.id)::int as n from organisations o left join correspondence_item_types t on t.org_id = o.id group by o.slug order by o.slug`,
    );
    expect(rows).toEqual([
      { slug: 'ccas-mont-dore', n: 0 },
      { slug: 'mont-dore', n: 6 },
    ]);
  });
});

describe('correspondence demo (Meuse)', () => {
  let meuse: TestApp;
  beforeAll(async () => {
    meuse = await createTestApp({ demo: true, demoPassword: password, demoProfile: 'departement' });
  });
  afterAll(() => meuse.close());

  it('gives the département the standard item types and no items', async () => {
    const [types] = await queryRows<{ n: number }>(
      meuse.app.ctx.db,
      sql`select count(*)::int as n from correspondence_item_types`,
    );
    expect(types?.n).toBe(6);
    const dircab = as(meuse.app, await signIn(meuse.app, { email: 'dircab@meuse.example', password }));
    const res = await dircab.get('/api/v1/correspondence');
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([]);
  });
});
