import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../../../../test/test-app';
import { addMonths } from '../../../platform/calendar/working-days';
import { extractPdfText } from '../../../platform/documents/extract-pdf-text';
import { frenchDate, frenchDay } from './french-dates';

const password = 'demo-password-for-tests';
let t: TestApp;
let secretariat: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
  secretariat = as(t.app, await signIn(t.app, { email: 'secretariat@mont-dore.example', password }));
});
afterAll(() => t.close());

interface Item {
  id: string;
  registrationNumber: string;
  channel: string;
  receivedAt: string;
  implicitDecisionDate: string | null;
  implicitDecisionRule: string | null;
}

const pdfText = async (id: string) => {
  const res = await secretariat.get(`/api/v1/correspondence/${id}/acknowledgement?format=pdf`);
  expect(res.statusCode).toBe(200);
  return extractPdfText(res.rawPayload).replace(/\s+/g, ' ');
};

describe('acknowledgements in the demo (Mont-Dore)', () => {
  it('acknowledges the email request with its received date, the secretariat and the implicit acceptance two months on', async () => {
    const items = (await secretariat.get('/api/v1/correspondence?limit=50')).json().data as Item[];
    const request = items.find((i) => i.channel === 'email' && i.implicitDecisionRule === 'acceptance');
    expect(request).toBeDefined();
    const item = request as Item;
    const received = new Date(item.receivedAt);
    expect(item.implicitDecisionDate).toBe(addMonths(received, 2, 'Pacific/Noumea'));
    const text = await pdfText(item.id);
    expect(text).toContain('Ville du Mont-Dore');
    expect(text).toContain(`reçue le ${frenchDate(received, 'Pacific/Noumea')}`);
    expect(text).toContain('Secrétariat du cabinet de la Maire');
    expect(text).toContain('secretariat@mont-dore.example');
    expect(text).toContain(`décision implicite d’acceptation le ${frenchDay(item.implicitDecisionDate as string)}`);
  });

  it('names the tribunal administratif de Nouméa for a subsidy request, where silence is a rejection', async () => {
    const items = (await secretariat.get('/api/v1/correspondence?limit=50')).json().data as Item[];
    const subsidy = items.find((i) => i.implicitDecisionRule === 'rejection') as Item;
    const text = await pdfText(subsidy.id);
    expect(text).toContain('décision implicite de rejet');
    expect(text).toContain('tribunal administratif de Nouméa');
  });

  it('seeds the French default template for each organisation', async () => {
    const templates = (await secretariat.get('/api/v1/correspondence/ack-templates')).json().data as {
      isDefault: boolean;
    }[];
    expect(templates.filter((x) => x.isDefault)).toHaveLength(1);
  });
});
