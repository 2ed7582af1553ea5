import { z } from 'zod';

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const ZSearchHit = z.object({
  kind: z.string(),
  recordId: z.string(),
  title: z.string(),
  snippet: z.string(),
  url: z.string(),
  score: z.number(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

/** Results grouped by kind of record, best group first. */
export const ZSearchResult = z.object({
  q: z.string(),
  groups: z.array(z.object({ kind: z.string(), hits: z.array(ZSearchHit) })),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
