import type { TSignBatch } from '@dircab/contracts';
import type { Db } from '../../../../platform/db/client';
import { HttpProblem } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { signReply } from './sign-reply';

/**
 * Signs (or returns) several replies of the signature book, each in its own transaction: one
 * item already signed by someone else, or returned meanwhile, fails alone with its reason and
 * the others go through.
 */
export async function signBatch(db: Db, actor: Actor, input: TSignBatch) {
  const results = [];
  for (const id of new Set(input.ids)) {
    try {
      const row = await db.transaction((tx) =>
        signReply(tx, actor, id, { decision: input.decision, comment: input.comment }),
      );
      results.push({ id, ok: true, status: row.status, detail: null });
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      results.push({ id, ok: false, status: null, detail: error.detail });
    }
  }
  return { results };
}
