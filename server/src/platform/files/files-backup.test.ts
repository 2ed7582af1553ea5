import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDataDir } from '../db/backup';
import { openDatabase } from '../db/client';
import { newId } from '../db/columns';
import { applyMigrations } from '../db/migrate';
import { restoreDataDir } from '../db/restore';
import { files } from './files.schema';
import { storeFile } from './store-file';

const work = mkdtempSync(join(tmpdir(), 'dircab-files-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('stored files and the backup of the embedded database', () => {
  it('keeps a file’s bytes through backup and restore: they live in the data folder the backup saves', async () => {
    const source = join(work, 'source');
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(256 * 1024)]);
    const database = await openDatabase({ dataDir: source });
    let id: string;
    try {
      await applyMigrations(database);
      const stored = await database.db.transaction((tx) =>
        storeFile(tx, {
          orgId: newId(),
          owner: { kind: 'correspondence', id: newId() },
          filename: 'scan.pdf',
          content,
          createdBy: null,
          accept: 'known',
        }),
      );
      id = stored.id;
    } finally {
      await database.close();
    }
    const backup = await backupDataDir(source, join(work, 'backup.tar.gz'));
    const restored = join(work, 'restored');
    await restoreDataDir(backup.path, restored);
    const reopened = await openDatabase({ dataDir: restored });
    try {
      const [row] = await reopened.db.select().from(files).where(eq(files.id, id));
      expect(row?.mediaType).toBe('application/pdf');
      expect(row?.content.equals(content)).toBe(true);
      expect(row?.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
