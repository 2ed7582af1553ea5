/** Lower case, accents removed: the key lists sort on, the same on every database. */
export function sortKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface Names {
  kind: 'person' | 'organisation';
  civility?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  name?: string | null | undefined;
}

/** What a list shows (`Julie DUPONT`-style names stay as typed) and how it sorts (last name first). */
export function contactNames(c: Names): { displayName: string; sortName: string } {
  if (c.kind === 'organisation') {
    const name = c.name ?? '';
    return { displayName: name, sortName: sortKey(name) };
  }
  const displayName = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return { displayName, sortName: sortKey([c.lastName, c.firstName].filter(Boolean).join(' ')) };
}
