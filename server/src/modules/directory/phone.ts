import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** The region a number without a country code belongs to, from the organisation's time zone. */
export function defaultRegionFor(timeZone: string | undefined): CountryCode {
  return timeZone === 'Pacific/Noumea' ? 'NC' : 'FR';
}

/**
 * A phone number as typed (`28.12.34`, `+687 28 12 34`, `06 12 34 56 78`) in E.164, or null
 * when it is not a valid number. The organisation's region is tried first, then the other one
 * of the pair: a cabinet in Nouméa writes French mobiles too, and the reverse.
 */
export function normalisePhone(input: string, region: CountryCode): string | null {
  const regions: CountryCode[] = [region, ...(['NC', 'FR'] as const).filter((r) => r !== region)];
  for (const r of regions) {
    const parsed = parsePhoneNumberFromString(input, r);
    if (parsed?.isValid()) return parsed.number;
  }
  return null;
}
