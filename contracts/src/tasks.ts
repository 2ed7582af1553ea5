import { z } from 'zod';
import { ZConfidentiality, ZPageQuery, ZPolicies, ZUuid } from './common';

// Tasks (issue 6): a minimal entity other modules create (correspondence routing, note
// contributions, decisions) and people follow in « mes tâches » / « les tâches de mon service ».

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZIsoDate = z.iso.date({ message: 'Date AAAA-MM-JJ attendue.' });
const atLeastOne = { message: 'Indiquez au moins un champ à modifier.' };
const nonEmpty = (v: object) => Object.keys(v).length > 0;

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

/** Kinds of record a task can be about; each module registers how to check its own. */
export const TASK_LINK_KINDS = ['case', 'correspondence', 'note', 'decision', 'event'] as const;
export const ZTaskLinkKind = z.enum(TASK_LINK_KINDS);
export type TTaskLinkKind = z.infer<typeof ZTaskLinkKind>;

export const ZTaskLinkInput = z.strictObject({ kind: ZTaskLinkKind, id: ZUuid });

const assignee = {
  /** A user of the organisation… */
  assigneeUserId: ZUuid.nullable().optional(),
  /** …or a service of the directory (one of the two at most). */
  assigneeServiceId: ZUuid.nullable().optional(),
};

export const ZCreateTask = z
  .strictObject({
    title: ZText(300),
    description: z.string().trim().max(20_000).optional(),
    ...assignee,
    dueDate: ZIsoDate.nullable().optional(),
    link: ZTaskLinkInput.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.assigneeUserId && v.assigneeServiceId) {
      ctx.addIssue({
        code: 'custom',
        path: ['assigneeServiceId'],
        message: 'Une tâche est confiée à une personne ou à un service, pas aux deux.',
      });
    }
  });
export type TCreateTask = z.infer<typeof ZCreateTask>;

export const ZUpdateTask = z
  .strictObject({
    title: ZText(300),
    description: z.string().trim().max(20_000),
    ...assignee,
    dueDate: ZIsoDate.nullable(),
    status: ZTaskStatus,
  })
  .partial()
  .refine(nonEmpty, atLeastOne)
  .superRefine((v, ctx) => {
    if (v.assigneeUserId && v.assigneeServiceId) {
      ctx.addIssue({
        code: 'custom',
        path: ['assigneeServiceId'],
        message: 'Une tâche est confiée à une personne ou à un service, pas aux deux.',
      });
    }
  });
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

export const ZTask = z.object({
  id: ZUuid,
  title: z.string(),
  description: z.string(),
  assigneeUserId: ZUuid.nullable(),
  assigneeServiceId: ZUuid.nullable(),
  dueDate: z.string().nullable(),
  status: ZTaskStatus,
  link: z.object({ kind: ZTaskLinkKind, id: ZUuid }).nullable(),
  /** Copied from the linked record: who may see the task besides its assignee and creator. */
  confidentiality: ZConfidentiality,
  overdue: z.boolean(),
  createdById: ZUuid.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskPage = z.object({ data: z.array(ZTask), nextCursor: z.string().nullable() });

export const TASK_VIEWS = ['mine', 'my_service', 'created_by_me', 'overdue', 'all'] as const;

export const ZTaskQuery = ZPageQuery.extend({
  /** `all`: every task the actor may see (the default). */
  view: z.enum(TASK_VIEWS).default('all'),
  status: ZTaskStatus.optional(),
  linkKind: ZTaskLinkKind.optional(),
  linkId: ZUuid.optional(),
});
export type TTaskQuery = z.infer<typeof ZTaskQuery>;
