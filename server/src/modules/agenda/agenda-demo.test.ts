import type { TEvent } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { localDate } from '../../platform/calendar/working-days';
import { addDays } from './zoned-time';

const password = 'demo-password-for-tests';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
});
afterAll(() => t.close());

const login = async (who: string) => as(t.app, await signIn(t.app, { email: `${who}@mont-dore.example`, password }));

describe('agenda demo', () => {
  it('seeds a week around today for the mayor and two deputies, with a private block, a permanence and a conflict', async () => {
    const today = localDate(new Date(), 'Pacific/Noumea');
    const period = `from=${addDays(today, -2)}&to=${addDays(today, 4)}`;
    const secretariat = await login('secretariat');
    const week = (await secretariat.get(`/api/v1/events?${period}`)).json().data as TEvent[];
    expect(week.length).toBeGreaterThanOrEqual(8);
    expect(week.some((e) => e.kind === 'private_block' && e.title === 'Rendez-vous personnel')).toBe(true);
    expect(week.filter((e) => e.kind === 'office_hours' && e.recurrence).length).toBeGreaterThanOrEqual(1);
    expect(week.some((e) => (e.conflicts?.overlaps.length ?? 0) > 0)).toBe(true);
    expect(new Set(week.flatMap((e) => e.officialIds)).size).toBe(3);
    // The advisor sees the mayor's private block as a busy slot.
    const advisor = await login('conseiller');
    const seen = (await advisor.get(`/api/v1/events?${period}`)).json().data as TEvent[];
    expect(seen.some((e) => e.busy && e.title === 'Occupé')).toBe(true);
    expect(seen.some((e) => e.title === 'Rendez-vous personnel')).toBe(false);
  });

  it('seeds two invitations waiting for an answer, and a trip brief', async () => {
    const chefcab = await login('chefcab');
    const pending = (await chefcab.get('/api/v1/invitations?status=pending')).json().data;
    expect(pending).toHaveLength(2);
    const today = localDate(new Date(), 'Pacific/Noumea');
    const week = (await chefcab.get(`/api/v1/events?from=${today}&to=${addDays(today, 4)}`)).json().data as TEvent[];
    const ceremony = week.find((e) => e.title === 'Inauguration du plateau sportif') as TEvent;
    const brief = (await chefcab.get(`/api/v1/events/${ceremony.id}/brief`)).json();
    expect(brief).toMatchObject({ status: 'draft', driver: 'Service des moyens généraux' });
  });
});
