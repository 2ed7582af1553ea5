import { createHash } from 'node:crypto';
import type { SessionRow } from './find-session-row';

export interface SessionCacheOptions {
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
}

interface Entry {
  row: SessionRow;
  storedAt: number;
}

/**
 * Session rows read by findSessionRow, by token, for the requests that follow. It answers only
 * while it is trusted, that is while the process is known to hear every change of the tables
 * the row is read from (session-change-listener.ts); any change empties it whole. A row is
 * kept only if nothing was emptied while it was being read (`generation`), since a change
 * that committed meanwhile may not be in it.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  #generation = 0;
  #trusted = false;

  constructor(options: SessionCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    // A bound on what a lost notification could cost, not the means of staying right.
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Changes each time the cache is emptied: read it before the query, give it back to `set`. */
  get generation(): number {
    return this.#generation;
  }

  get trusted(): boolean {
    return this.#trusted;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The row of this token when the cache may answer; a copy, so no caller alters the kept one. */
  get(token: string): SessionRow | undefined {
    if (!this.#trusted) return undefined;
    const key = keyOf(token);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#now() - entry.storedAt > this.#maxAgeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return structuredClone(entry.row);
  }

  /** Keeps a row read when the cache was at `generation`, unless it was emptied since. */
  set(token: string, row: SessionRow, generation: number): void {
    if (!this.#trusted || generation !== this.#generation) return;
    const key = keyOf(token);
    this.#entries.delete(key);
    // A Map iterates in insertion order: the first key is the oldest entry.
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { row: structuredClone(row), storedAt: this.#now() });
  }

  delete(token: string): void {
    this.#entries.delete(keyOf(token));
  }

  /** Forgets every row, and every read still in flight (their generation is past). */
  clear(): void {
    this.#entries.clear();
    this.#generation++;
  }

  /** Trusted while changes are heard; each switch starts empty, as changes may have been missed. */
  trust(trusted: boolean): void {
    this.clear();
    this.#trusted = trusted;
  }
}

// The token is a bearer secret: a heap dump of the process shows only its digest.
function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
