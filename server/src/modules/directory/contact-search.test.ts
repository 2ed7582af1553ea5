import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';

// GET /api/v1/contacts?q=: the name search's two paths (find-contacts.ts). From three letters,
// substring or typo through the trigram index, then the page by name; one or two letters, the
// names starting with them, a range of the sort index (issue 3).

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let api: ReturnType<typeof as>;
const ids = new Map<string, string>();

type Page = { data: { id: string; displayName: string }[]; nextCursor: string | null };

async function person(firstName: string, lastName: string, client = api) {
  const res = await client.post('/api/v1/contacts', { kind: 'person', firstName, lastName });
  expect(res.statusCode, res.body).toBe(201);
  ids.set(`${firstName} ${lastName}`, res.json().id);
}

/** Every page of a search, following nextCursor. */
async function allPages(query: string, limit: number, client = api): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const url: string = `/api/v1/contacts?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page;
    expect(page.data.length).toBeLessThanOrEqual(limit);
    names.push(...page.data.map((c) => c.displayName));
    cursor = page.nextCursor;
    if (!cursor) return names;
  }
  throw new Error('more pages than expected');
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['advisor']);
  other = await createTestOrg(t.app, ['advisor']);
  api = as(t.app, await signIn(t.app, org.users.advisor));
  for (const [first, last] of [
    ['Léa', 'Wamytan'],
    ['Paul', 'Kawa'],
    ['Julie', 'WAHETRA'],
    ['Marc', 'Wahetra'],
    ['Anne', 'Wahetra'],
    ['Zoé', 'Wahetra'],
    ['Hugo', 'Wahétra'],
    ['Nina', 'Wahetro'],
    ['Émile', 'Zola'],
    ['Sonia', 'Éa'],
  ]) {
    await person(first as string, last as string);
  }
  await person('Yves', 'Wahetra', as(t.app, await signIn(t.app, other.users.advisor)));
});

afterAll(async () => {
  await t.close();
});

describe('name search from three letters', () => {
  it('finds substrings, accents and a typo, by name, page after page with no one twice or left out', async () => {
    const expected = ['Anne Wahetra', 'Hugo Wahétra', 'Julie WAHETRA', 'Marc Wahetra', 'Zoé Wahetra', 'Nina Wahetro'];
    expect(expected).toEqual(byName(expected));
    expect(await allPages('q=wahetra', 50)).toEqual(expected);
    expect(await allPages('q=wahetra', 2)).toEqual(expected);
    expect(await allPages('q=WAHÉTRA', 4)).toEqual(expected);
    // A substring inside the name.
    expect(await allPages('q=hetr', 50)).toEqual(expected);
  });

  it('lists first the names that start with the search, then the others, page after page', async () => {
    // An organisation of its own: the other tests count this one's names.
    const third = await createTestOrg(t.app, ['advisor']);
    const client = as(t.app, await signIn(t.app, third.users.advisor));
    for (const [first, last] of [
      ['Marc', 'Wahetra'],
      ['Anne', 'Wahetra'],
      ['Rosa', 'Kawahetra'],
      ['Alain', 'Wahetra Ataba'],
      ['Nina', 'Wahetro'],
      ['Léa', 'Wamytan'],
    ] as const) {
      await person(first, last, client);
    }
    // « Kawahetra » sorts before « Wahetra » but does not start with it: after them, with the typo.
    const expected = ['Anne Wahetra', 'Alain Wahetra Ataba', 'Marc Wahetra', 'Rosa Kawahetra', 'Nina Wahetro'];
    for (const limit of [50, 1, 2, 3, 4]) {
      expect(await allPages('q=wahetra', limit, client), `limit ${limit}`).toEqual(expected);
    }
    // With a filter, the same order (then one statement sorts both parts).
    expect(await allPages('q=wahetra&kind=person', 2, client)).toEqual(expected);
    // None starts with « hetr »: all by name.
    expect(await allPages('q=hetr', 2, client)).toEqual(byName(expected));
  });

  it('keeps the other organisation’s namesake out', async () => {
    const found = (await api.get('/api/v1/contacts?q=wahetra&limit=50')).json() as Page;
    expect(found.data.map((c) => c.id)).not.toContain(ids.get('Yves Wahetra'));
  });
});

describe('name search of one or two letters', () => {
  it('finds the names that start with them (last name first), accents and case forgiven', async () => {
    const startWithWa = [
      'Anne Wahetra',
      'Hugo Wahétra',
      'Julie WAHETRA',
      'Marc Wahetra',
      'Zoé Wahetra',
      'Nina Wahetro',
      'Léa Wamytan',
    ];
    expect(startWithWa).toEqual(byName(startWithWa));
    expect(await allPages('q=wa', 50)).toEqual(startWithWa);
    expect(await allPages('q=wa', 2)).toEqual(startWithWa);
    // « Kawa » holds « wa » but does not start with it.
    expect(await allPages('q=wa', 50)).not.toContain('Paul Kawa');
    expect(await allPages('q=W', 3)).toHaveLength(7);
    expect(await allPages('q=z', 50)).toEqual(['Émile Zola']);
    expect(await allPages('q=%C3%89A', 50)).toEqual(['Sonia Éa']);
    expect(await allPages('q=xq', 50)).toEqual([]);
  });
});

/** The list's order: last name first, lower case, no accents (contact-names.ts). */
function sortKeyOf(displayName: string): string {
  const [first, ...last] = displayName.split(' ');
  return `${last.join(' ')} ${first}`
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Checks the expectations are written in the list's order (plain code-point order of the keys). */
const byName = (names: string[]) =>
  [...names].sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : sortKeyOf(a) > sortKeyOf(b) ? 1 : 0));
