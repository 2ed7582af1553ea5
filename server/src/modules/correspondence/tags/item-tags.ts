import { tagKey } from '@dircab/contracts/correspondence';

/** The two tag columns, written together: the display spellings and their keys (the GIN filter). */
export function withTags(tags: readonly string[]): { tags: string[]; tagKeys: string[] } {
  return { tags: [...tags], tagKeys: tags.map(tagKey) };
}

/**
 * An item's tags after removing some (by key) and then adding some: an added tag already there
 * (any spelling) keeps the spelling it had; one removed and added again takes the new spelling.
 * Order: the old ones, then the new.
 */
export function changedTags(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove.map(tagKey));
  const kept = current.filter((t) => !removed.has(tagKey(t)));
  const keys = new Set(kept.map(tagKey));
  for (const t of add) {
    const key = tagKey(t);
    if (keys.has(key)) continue;
    keys.add(key);
    kept.push(t);
  }
  return kept;
}
