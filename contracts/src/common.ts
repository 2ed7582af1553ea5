import { z } from 'zod';

/** Confidentiality of a record (DOMAIN.md): organisation, cabinet roles, or named people. */
export const CONFIDENTIALITY_LEVELS = ['normal', 'restricted', 'confidential'] as const;
export const ZConfidentiality = z.enum(CONFIDENTIALITY_LEVELS);
export type TConfidentiality = z.infer<typeof ZConfidentiality>;

export const ZUuid = z.uuid();

/** What the actor may do with a record, so the web shows only the buttons that work. */
export const ZPolicies = z.record(z.string(), z.boolean());
export type TPolicies = z.infer<typeof ZPolicies>;

/** Cursor pagination query: every list takes it (ARCHITECTURE rule 7). */
export const ZPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details, with the offending fields. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZEmpty = z.strictObject({});
