// Registration throughput: items through the real command (numbering, matching the writer to
// the directory, dates from the type, audit, search index, campaign grouping), one transaction
// each, as POST /api/v1/correspondence runs it: one at a time (the latency of one
// registration), then several at a time (what a mail gateway and a secretariat registering
// together get; the reads' throughput is measured with 8 connections likewise).
import { ZCreateCorrespondence } from '@dircab/contracts';
import { registerCorrespondence } from '../../../server/src/modules/correspondence/commands/register-correspondence';
import type { Database } from '../../../server/src/platform/db/client';
import type { Actor } from '../../../server/src/platform/policy/actor';
import { contactRow } from '../contact-rows';
import { createRandom } from '../generate/random';
import { letterBody, SUBJECTS } from '../generate/vocabulary';
import { type CpuUse, startCpuCount } from './cpu-use';

export interface RegistrationResult {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  /** Registrations in flight at once (1 when absent: results written before it was measured). */
  concurrency?: number;
  /** CPU used (absent from results written before it was measured). */
  cpu?: CpuUse & { processMsPerItem: number };
}

export async function measureRegistration(
  database: Database,
  actor: Actor,
  count: number,
  seed: number,
  concurrency = 1,
): Promise<RegistrationResult> {
  // The one-at-a-time run keeps the letters it always had; the other writes other people's.
  const other = concurrency > 1 ? count : 0;
  const random = createRandom(seed + 10 + other);
  const subjects = Object.values(SUBJECTS).flat();
  const org = { timeZone: 'Pacific/Noumea', officialCode: '98817', region: 'NC' as const };
  // The letters are written before the clock starts, so only the command is timed.
  const inputs = Array.from({ length: count }, (_, i) => {
    // A writer of the address book half the time (matched), a new one otherwise (created).
    const row = contactRow(random.next, random.chance(0.5) ? random.int(1_000) : 1_000_000 + other + i);
    const name = `${row[2]} ${row[3]}`.trim() || (row[4] as string);
    return ZCreateCorrespondence.parse({
      direction: 'in',
      channel: random.pick(['postal', 'email', 'web_form'] as const),
      subject: (random.pick(subjects) as string).replaceAll('{q}', 'Boulari').replaceAll('{n}', String(i)),
      body: letterBody(random.pick, random.int, name, 'Boulari'),
      sender: { name, email: row[6] },
    });
  });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const input = inputs[i] as (typeof inputs)[number];
      await database.db.transaction((tx) => registerCorrespondence(tx, actor, input, org));
    }
  };
  const started = performance.now();
  const stopCount = startCpuCount();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = stopCount();
  const seconds = (performance.now() - started) / 1000;
  return {
    items: count,
    seconds: round(seconds),
    itemsPerSecond: round(count / seconds),
    concurrency,
    cpu: { ...cpu, processMsPerItem: round(cpu.processMs / count) },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
