// One seeded source of randomness for the whole generator: the same seed gives the same
// rows, so two runs (or two machines) measure the same data.
import { seededRandom } from '../contact-rows';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  /** A value drawn from [value, weight] pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (list) => list[int(list.length)] as (typeof list)[number],
    weighted: (pairs) => {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (pairs.at(-1) as (typeof pairs)[number])[0];
    },
    chance: (p) => next() < p,
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A UUIDv7 for an instant, its random bits from the generator: ids sort by creation time as
 * the product's do (cases and notes page on them), and the same seed gives the same ids.
 */
export function uuidV7At(ms: number, random: Random): string {
  const time = hex(ms, 12);
  const a = hex(0x7000 | random.int(0x1000), 4);
  const b = hex(0x8000 | random.int(0x4000), 4);
  const c = hex(random.int(0x1000000), 6) + hex(random.int(0x1000000), 6);
  return `${time.slice(0, 8)}-${time.slice(8)}-${a}-${b}-${c}`;
}
