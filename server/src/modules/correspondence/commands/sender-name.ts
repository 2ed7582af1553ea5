/** A writer's name split for a new person contact: civility, first name, last name. */
export interface SenderNameParts {
  civility: 'M.' | 'Mme' | null;
  firstName: string | null;
  lastName: string;
}

const CIVILITIES: [RegExp, 'M.' | 'Mme'][] = [
  [/^(m\.|mr\.?|monsieur)\s+/i, 'M.'],
  [/^(mme\.?|madame|mlle\.?|mademoiselle)\s+/i, 'Mme'],
];

/**
 * Reads « Mme Jeanne DUPONT », « Jean-Marc Wamytan » or « KALOI Noëlla »: the civility at the
 * start; the words written in capitals are the last name (the French habit on letters), else
 * the last word is; one word alone is a last name.
 */
export function splitSenderName(written: string): SenderNameParts {
  let rest = written.trim().replace(/\s+/g, ' ');
  let civility: SenderNameParts['civility'] = null;
  for (const [pattern, value] of CIVILITIES) {
    if (pattern.test(rest) && rest.replace(pattern, '').length > 0) {
      civility = value;
      rest = rest.replace(pattern, '');
      break;
    }
  }
  const words = rest.split(' ');
  const isCapitals = (w: string) =>
    /\p{L}{2,}/u.test(w) && w === w.toLocaleUpperCase('fr') && w !== w.toLocaleLowerCase('fr');
  const capitals = words.filter(isCapitals);
  if (capitals.length > 0 && capitals.length < words.length) {
    return { civility, firstName: words.filter((w) => !isCapitals(w)).join(' '), lastName: capitals.join(' ') };
  }
  if (words.length === 1) return { civility, firstName: null, lastName: words[0] ?? rest };
  return { civility, firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? rest };
}

/** The name as the directory displays it (first then last name), to match existing contacts. */
export function senderDisplayName(written: string): string {
  const p = splitSenderName(written);
  return [p.firstName, p.lastName].filter(Boolean).join(' ');
}
