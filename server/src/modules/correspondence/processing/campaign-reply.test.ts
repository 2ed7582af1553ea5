import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { extractPdfText } from '../../../platform/documents/extract-pdf-text';
import { findCampaignItemIds } from '../inbound/queries/find-campaign-items';

let t: TestApp;
let org: TestOrg;
let voirie: string;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  const service = await api('chief_of_staff').post('/api/v1/services', { name: 'Services techniques', topics: [] });
  expect(service.statusCode, service.body).toBe(201);
  voirie = service.json().id;
  const linked = await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: voirie });
  expect(linked.statusCode, linked.body).toBe(200);
});
afterAll(() => t.close());

const petition = (name: string, quarter: string) =>
  `Monsieur le Maire, je soussigné ${name}, habitant du quartier ${quarter}, m’associe à la demande des riverains : ` +
  'nous demandons la réouverture de la plage de la Conception à la baignade, fermée depuis le mois de mars, ' +
  'l’installation de poubelles de tri le long du sentier côtier et le passage d’un agent de surveillance le week-end. ' +
  'Les familles du quartier sont nombreuses à fréquenter ce site et ne comprennent pas sa fermeture prolongée. ' +
  'Veuillez agréer, Monsieur le Maire, l’expression de nos salutations distinguées.';

interface Registered {
  id: string;
  senderContactId: string;
}

let minute = 0;
/** An API-registered request of the petition, each a minute after the previous one. */
async function request(name: string, quarter: string, email: string | null, address: string | null) {
  minute += 1;
  const res = await api('secretariat').post('/api/v1/correspondence', {
    direction: 'in',
    channel: email ? 'email' : 'postal',
    subject: 'Réouverture de la plage de la Conception',
    body: petition(name, quarter),
    receivedAt: new Date(Date.UTC(2026, 9, 5, 21, minute)).toISOString(),
    sender: { name, email, address },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Registered;
}

async function outgoingOf(itemId: string) {
  return queryRows<{
    id: string;
    registration_number: string;
    sequence: number;
    channel: string;
    status: string;
    subject: string;
    sender_name: string;
    sender_email: string | null;
    sender_address: string | null;
    sender_contact_id: string | null;
  }>(
    t.app.ctx.db,
    sql`select id, registration_number, sequence, channel, status, subject, sender_name, sender_email,
               sender_address, sender_contact_id
        from correspondence_items where in_reply_to_id = ${itemId} and direction = 'out'`,
  );
}

async function sendAudit(recordId: string) {
  return queryRows<{ summary: Record<string, unknown> }>(
    t.app.ctx.db,
    sql`select summary from audit_log where record_id = ${recordId} and action = 'correspondence.send'`,
  );
}

describe('a campaign’s reply', () => {
  it('gives each open member’s writer their own copy, by e-mail or by post, and leaves the closed and the confidential ones alone', async () => {
    const lead = await request('Jean Dupont', 'Boulari', 'jean.dupont@example.nc', null);
    const byMail = await request('Marie Wéa', 'Plum', 'marie.wea@example.nc', null);
    const byPost = await request('Paul Néa', 'Saint-Michel', null, '4 rue Jules Garnier, 98800 Nouméa');
    const closed = await request('Léa Martin', 'Vallon-Dore', 'lea.martin@example.nc', null);
    const secret = await request('Henri Kasarhérou', 'Pont-des-Français', 'henri.k@example.nc', null);
    expect(await findCampaignItemIds(t.app.ctx.db, org.orgId, lead.id)).toHaveLength(4);

    // One writer's item was already closed without reply, another's was made confidential:
    // both stay in the campaign, neither gets a copy.
    expect(
      (
        await api('secretariat').post(`/api/v1/correspondence/${closed.id}/route`, {
          assignments: [{ serviceId: voirie, mode: 'action' }],
        })
      ).statusCode,
    ).toBe(200);
    const shut = await api('chief_of_staff').post(`/api/v1/correspondence/${closed.id}/close`, {
      withoutReply: true,
      reason: 'Doublon',
    });
    expect(shut.json().status, shut.body).toBe('closed_without_reply');
    const hidden = await api('chief_of_staff').patch(`/api/v1/correspondence/${secret.id}`, {
      confidentiality: 'confidential',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(await findCampaignItemIds(t.app.ctx.db, org.orgId, lead.id)).toHaveLength(4);

    // The lead goes through the whole circuit.
    const routed = await api('secretariat').post(`/api/v1/correspondence/${lead.id}/route`, {
      assignments: [{ serviceId: voirie, mode: 'action' }],
    });
    expect(routed.statusCode, routed.body).toBe(200);
    expect((await api('services').post(`/api/v1/correspondence/${lead.id}/accept`)).statusCode).toBe(200);
    const drafted = await api('services').put(`/api/v1/correspondence/${lead.id}/reply`, {
      bodyHtml: '<p>La plage de la Conception rouvrira à la baignade le 1er décembre.</p>',
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const submitted = await api('services').post(`/api/v1/correspondence/${lead.id}/submit-review`, {
      reviewerIds: [org.users.chief_of_staff.id],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(
      (await api('chief_of_staff').post(`/api/v1/correspondence/${lead.id}/review`, { decision: 'approve' }))
        .statusCode,
    ).toBe(200);
    const signed = await api('executive').post(`/api/v1/correspondence/${lead.id}/sign`, { decision: 'approve' });
    expect(signed.statusCode, signed.body).toBe(200);

    const mailsBefore = await queryRows<{ id: string }>(
      t.app.ctx.db,
      sql`select id from jobs where kind = 'mail.send'`,
    );
    const sent = await api('services').post(`/api/v1/correspondence/${lead.id}/send`, { method: 'email' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ id: lead.id, status: 'sent' });

    // The open members are sent; the closed and the confidential ones are as they were.
    for (const [item, status] of [
      [byMail, 'sent'],
      [byPost, 'sent'],
      [closed, 'closed_without_reply'],
      [secret, 'registered'],
    ] as const) {
      const got = await api('chief_of_staff').get(`/api/v1/correspondence/${item.id}`);
      expect(got.json().status, item.id).toBe(status);
    }
    expect(await outgoingOf(closed.id)).toEqual([]);
    expect(await outgoingOf(secret.id)).toEqual([]);

    // Each writer has their own D-numbered copy, numbered right after the lead's reply.
    const [leadOut] = await outgoingOf(lead.id);
    const [mailOut] = await outgoingOf(byMail.id);
    const [postOut] = await outgoingOf(byPost.id);
    expect(leadOut?.registration_number).toMatch(/^\d{4}-D-\d{6}$/);
    expect([mailOut?.sequence, postOut?.sequence]).toEqual([
      (leadOut?.sequence ?? 0) + 1,
      (leadOut?.sequence ?? 0) + 2,
    ]);
    expect(mailOut).toMatchObject({
      channel: 'email',
      status: 'sent',
      subject: leadOut?.subject,
      sender_name: 'Marie Wéa',
      sender_email: 'marie.wea@example.nc',
      sender_contact_id: byMail.senderContactId,
    });
    expect(postOut).toMatchObject({
      channel: 'postal',
      status: 'sent',
      sender_name: 'Paul Néa',
      sender_email: null,
      sender_address: '4 rue Jules Garnier, 98800 Nouméa',
      sender_contact_id: byPost.senderContactId,
    });

    // Two messages: the lead's writer's and the member's with an address, each with its letter.
    const mails = await queryRows<{ payload: { to: string; attachments: { filename: string }[] } }>(
      t.app.ctx.db,
      sql`select payload from jobs where kind = 'mail.send'
            and not (id = any(${`{${mailsBefore.map((m) => m.id).join(',')}}`}::uuid[]))`,
    );
    expect(mails.map((m) => m.payload.to).sort()).toEqual(['jean.dupont@example.nc', 'marie.wea@example.nc']);
    expect(mails.find((m) => m.payload.to === 'marie.wea@example.nc')?.payload.attachments[0]?.filename).toBe(
      `${mailOut?.registration_number}.pdf`,
    );

    // The postal copy's letter, printed by the secretariat (the member was never routed to the
    // service): the lead's reply, addressed to its own writer, under its own number.
    const letter = await api('secretariat').get(`/api/v1/correspondence/${byPost.id}/reply/letter`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.headers['content-type']).toContain('application/pdf');
    expect(letter.headers['content-disposition']).toContain(`${postOut?.registration_number}-reponse.pdf`);
    const text = extractPdfText(letter.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Paul Néa');
    expect(text).toContain('4 rue Jules Garnier');
    expect(text).toContain(postOut?.registration_number);
    expect(text).toContain('rouvrira à la baignade');
    expect(text).not.toContain('Jean Dupont');
    // An item of the campaign that got no copy still has no letter.
    expect((await api('secretariat').get(`/api/v1/correspondence/${closed.id}/reply/letter`)).statusCode).toBe(404);

    // Each writer finds their copy on their 360° page.
    for (const [item, out] of [
      [lead, leadOut],
      [byMail, mailOut],
      [byPost, postOut],
    ] as const) {
      const timeline = await api('chief_of_staff').get(`/api/v1/contacts/${item.senderContactId}/timeline?limit=50`);
      expect(timeline.statusCode).toBe(200);
      expect(timeline.json().data.map((e: { id: string }) => e.id)).toContain(`mail:${out?.id}`);
    }

    // Audited: each member's sending names the lead and its copy; the lead's counts the copies.
    expect((await sendAudit(byMail.id))[0]?.summary).toMatchObject({
      before: { status: 'registered' },
      after: { status: 'sent' },
      campaignOf: lead.id,
      outgoingItemId: mailOut?.id,
      method: 'email',
    });
    expect((await sendAudit(byPost.id))[0]?.summary).toMatchObject({
      campaignOf: lead.id,
      outgoingItemId: postOut?.id,
      method: 'post',
    });
    expect((await sendAudit(lead.id))[0]?.summary).toMatchObject({ campaignCopies: 2, outgoingItemId: leadOut?.id });
  });
});
