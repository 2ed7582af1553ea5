import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';

/**
 * What another module holds on a person (correspondence, cases, relations…), so the export of
 * one person and the erasure reach it without the directory knowing those modules' tables.
 */
export interface PersonalDataSource {
  /** A stable code, shown as the export's section (`relations`, `correspondence`…). */
  key: string;
  /** What the actor may see of the person in this source, as plain JSON. */
  fetch(db: Queryable, actor: Actor, contactId: string): Promise<unknown>;
  /**
   * Removes or anonymises what the source holds on the person, in the transaction of the
   * anonymisation (retention job or erasure). Must be idempotent: the job may run it twice.
   */
  erase?(tx: Queryable, orgId: string, contactId: string): Promise<void>;
}

const sources = new Map<string, PersonalDataSource>();

/**
 * Modules call it when their file is loaded. Registering a key again replaces it: several apps
 * are built in one test process.
 */
export function registerPersonalDataSource(source: PersonalDataSource): void {
  sources.set(source.key, source);
}

/** The registered sources, by key (stable order in exports). */
export function personalDataSources(): PersonalDataSource[] {
  return [...sources.values()].sort((a, b) => a.key.localeCompare(b.key));
}
