import type { TPolicies } from '@dircab/contracts';
import type { Actor } from './actor';

type Rule<R> = (actor: Actor, record: R) => boolean;

export interface Policy<A extends string, R> {
  can(actor: Actor, action: A, record: R): boolean;
  /** The `policies` object every API record carries. */
  policiesFor(actor: Actor, record: R): TPolicies;
}

/**
 * A module's policy: one rule per action, the only place that decides who may do what
 * with the module's records (ARCHITECTURE rule 2).
 */
export function definePolicy<A extends string, R>(rules: Record<A, Rule<R>>): Policy<A, R> {
  return {
    can: (actor, action, record) => rules[action](actor, record),
    policiesFor: (actor, record) => {
      const out: TPolicies = {};
      for (const action of Object.keys(rules) as A[]) out[action] = rules[action](actor, record);
      return out;
    },
  };
}
