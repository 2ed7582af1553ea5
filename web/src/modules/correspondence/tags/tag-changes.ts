import { TAG_MAX_COUNT, TAG_MAX_LENGTH, tagKey } from '@dircab/contracts/correspondence';

export { TAG_MAX_COUNT, TAG_MAX_LENGTH };

/**
 * What to send to turn an item's tags into `next`: the tags to add and those to remove, compared
 * by key (« Voirie » and « voirie » are one tag); a tag spelt anew is removed and added again, so
 * the server keeps the new spelling.
 */
export function tagChanges(current: readonly string[], next: readonly string[]): { add: string[]; remove: string[] } {
  const nextByKey = new Map(next.map((t) => [tagKey(t), t]));
  const currentByKey = new Map(current.map((t) => [tagKey(t), t]));
  const remove = current.filter((t) => {
    const kept = nextByKey.get(tagKey(t));
    return kept === undefined || kept.trim().replace(/\s+/g, ' ') !== t;
  });
  const add = next.filter((t) => {
    const had = currentByKey.get(tagKey(t));
    return had === undefined || had !== t.trim().replace(/\s+/g, ' ');
  });
  return { add, remove };
}

/**
 * Tags as typed, cleaned as the server will (spaces), without a second spelling of one tag; a
 * comma or a semicolon typed inside one (pasted, or entered at once) separates two tags.
 */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags.flatMap((t) => t.split(/[,;]/))) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tagKey(tag);
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
