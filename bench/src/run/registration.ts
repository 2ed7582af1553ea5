// Registration throughput: items through the real command (numbering, matching the writer to
// the directory, dates from the type, audit, search index, campaign grouping), one transaction
// each, as POST /api/v1/correspondence runs it.
import { ZCreateCorrespondence } from '@dircab/contracts';
import { registerCorrespondence } from '../../../server/src/modules/correspondence/commands/register-correspondence';
import type { Database } from '../../../server/src/platform/db/client';
import type { Actor } from '../../../server/src/platform/policy/actor';
import { contactRow } from '../contact-rows';
import { createRandom } from '../generate/random';
import { letterBody, SUBJECTS } from '../generate/vocabulary';

export interface RegistrationResult {
  items: number;
  seconds: number;
  itemsPerSecond: number;
}

export async function measureRegistration(
  database: Database,
  actor: Actor,
  count: number,
  seed: number,
): Promise<RegistrationResult> {
  const random = createRandom(seed + 10);
  const subjects = Object.values(SUBJECTS).flat();
  const org = { timeZone: 'Pacific/Noumea', officialCode: '98817', region: 'NC' as const };
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    // A writer of the address book half the time (matched), a new one otherwise (created).
    const row = contactRow(random.next, random.chance(0.5) ? random.int(1_000) : 1_000_000 + i);
    const name = `${row[2]} ${row[3]}`.trim() || (row[4] as string);
    const input = ZCreateCorrespondence.parse({
      direction: 'in',
      channel: random.pick(['postal', 'email', 'web_form'] as const),
      subject: (random.pick(subjects) as string).replaceAll('{q}', 'Boulari').replaceAll('{n}', String(i)),
      body: letterBody(random.pick, random.int, name, 'Boulari'),
      sender: { name, email: row[6] },
    });
    await database.db.transaction((tx) => registerCorrespondence(tx, actor, input, org));
  }
  const seconds = (performance.now() - started) / 1000;
  return { items: count, seconds: round(seconds), itemsPerSecond: round(count / seconds) };
}

const round = (n: number) => Math.round(n * 10) / 10;
