import { describe, expect, it } from 'vitest';
import { safeNext } from '../app/auth/safe-next';
import { dayBoundary, formatDateTime } from './format';

describe('dayBoundary', () => {
  it('reads a day in the organisation’s zone, with its offset', () => {
    expect(dayBoundary('2026-03-02', 'Pacific/Noumea')).toBe('2026-03-02T00:00:00+11:00');
    expect(dayBoundary('2026-07-14', 'Europe/Paris', true)).toBe('2026-07-14T23:59:59.999+02:00');
    expect(dayBoundary('2026-01-15', 'Europe/Paris')).toBe('2026-01-15T00:00:00+01:00');
  });
});

describe('formatDateTime', () => {
  it('shows the time of the organisation, not of the browser', () => {
    expect(formatDateTime('2026-03-01T22:30:00Z', 'Pacific/Noumea', 'fr')).toBe('02/03/2026 09:30');
  });
});

describe('safeNext', () => {
  it('only returns to a path of this app', () => {
    expect(safeNext('/audit?recordType=member')).toBe('/audit?recordType=member');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('/sign-in')).toBe('/');
  });
});
