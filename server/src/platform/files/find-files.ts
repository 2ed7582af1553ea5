import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type FileRow, files } from './files.schema';
import { type FileOwner, metadataColumns, type StoredFile } from './store-file';

/**
 * A record's files, oldest first (keyset on id: UUIDv7, files_owner_idx), without content.
 * The caller has already checked that the actor may see the record.
 */
export async function findFilesOf(
  db: Queryable,
  orgId: string,
  owner: FileOwner,
  page: { limit: number; after?: string | undefined },
): Promise<StoredFile[]> {
  return db
    .select(metadataColumns)
    .from(files)
    .where(
      and(
        eq(files.orgId, orgId),
        eq(files.ownerKind, owner.kind),
        eq(files.ownerId, owner.id),
        page.after ? gt(files.id, page.after) : undefined,
      ),
    )
    .orderBy(asc(files.id))
    .limit(page.limit);
}

/** A file's metadata in the organisation, or null; its owner says whose access check applies. */
export async function findFileMetadata(db: Queryable, orgId: string, id: string): Promise<StoredFile | null> {
  const [row] = await db
    .select(metadataColumns)
    .from(files)
    .where(and(eq(files.orgId, orgId), eq(files.id, id)));
  return row ?? null;
}

/** A record's file with its content, or null. */
export async function findFileContent(
  db: Queryable,
  orgId: string,
  owner: FileOwner,
  id: string,
): Promise<FileRow | null> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.orgId, orgId), eq(files.ownerKind, owner.kind), eq(files.ownerId, owner.id), eq(files.id, id)));
  return row ?? null;
}
