import type { Queryable } from '../../platform/db/client';

/**
 * Whose reach may have changed: these people, over the records of these services and of
 * these portfolio topics (a member moved to another service, an official given a portfolio).
 * Modules that copied such reach somewhere (the correspondence's search entries name the
 * members of the services routed to) bring their copies up to date.
 */
export interface AccessChange {
  orgId: string;
  userIds: readonly string[];
  serviceIds: readonly string[];
  topics: readonly string[];
}

type AccessChangeListener = (tx: Queryable, change: AccessChange) => Promise<void>;

const listeners = new Set<AccessChangeListener>();

/** Called by a module at start; the same listener twice is kept once. */
export function onAccessChange(listener: AccessChangeListener): void {
  listeners.add(listener);
}

/**
 * Runs every listener in the caller's transaction: a member taken out of a service stops
 * finding its records the moment the change commits, never later.
 */
export async function notifyAccessChange(
  tx: Queryable,
  // Nullish ids allowed: a member without a service, an official without an account.
  change: { orgId: string } & { [K in 'userIds' | 'serviceIds' | 'topics']: readonly (string | null | undefined)[] },
): Promise<void> {
  const distinct = (values: readonly (string | null | undefined)[]) => [
    ...new Set(values.filter((v): v is string => Boolean(v))),
  ];
  const clean: AccessChange = {
    orgId: change.orgId,
    userIds: distinct(change.userIds),
    serviceIds: distinct(change.serviceIds),
    topics: distinct(change.topics),
  };
  if (clean.serviceIds.length === 0 && clean.topics.length === 0) return;
  for (const listener of listeners) await listener(tx, clean);
}
