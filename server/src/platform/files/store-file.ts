import { createHash } from 'node:crypto';
import type { Queryable } from '../db/client';
import { HttpProblem } from '../errors/problem';
import { type FileRow, files } from './files.schema';
import { safeFilename } from './safe-filename';
import { sniffMediaType, UNKNOWN_MEDIA_TYPE } from './sniff-media-type';

/** 20 MB per file: a scanned letter of a few pages weighs 1–5 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The record a file belongs to; its access check decides who may fetch the file (file-owners.ts). */
export interface FileOwner {
  kind: string;
  id: string;
}

export interface StoreFileInput {
  orgId: string;
  owner: FileOwner;
  filename: string | null | undefined;
  content: Buffer;
  createdBy: string | null;
  /**
   * `known`: only the types Dircab reads (PDF, images, DOCX, ODT, EML), else 422 (an upload by a
   * person, who can convert it). `any`: anything, the unrecognised kept as a download (an e-mail's
   * attachments are part of what was received).
   */
  accept: 'known' | 'any';
  /** The field the file came in, for the problem's path. */
  field?: string;
}

export type StoredFile = Omit<FileRow, 'content'>;

export function fileTooLarge(filename: string, field = 'file'): HttpProblem {
  return new HttpProblem(413, `Le fichier « ${filename} » dépasse la taille autorisée (20 Mo).`, [
    { path: field, message: 'Fichier trop volumineux : 20 Mo au plus.', code: 'too_big' },
  ]);
}

/** Stores a file for a record, in the caller's transaction; the type is sniffed from the content. */
export async function storeFile(tx: Queryable, input: StoreFileInput): Promise<StoredFile> {
  const filename = safeFilename(input.filename);
  const field = input.field ?? 'file';
  if (input.content.length > MAX_FILE_BYTES) throw fileTooLarge(filename, field);
  if (input.content.length === 0) {
    throw new HttpProblem(400, `Le fichier « ${filename} » est vide.`, [
      { path: field, message: 'Fichier vide.', code: 'too_small' },
    ]);
  }
  const sniffed = sniffMediaType(input.content);
  if (!sniffed && input.accept === 'known') {
    throw new HttpProblem(422, `Le fichier « ${filename} » n’est pas d’un type accepté.`, [
      {
        path: field,
        message: 'Types acceptés : PDF, PNG, JPEG, TIFF, DOCX, ODT ou message électronique (.eml).',
        code: 'unsupported_type',
      },
    ]);
  }
  const [row] = await tx
    .insert(files)
    .values({
      orgId: input.orgId,
      ownerKind: input.owner.kind,
      ownerId: input.owner.id,
      filename,
      mediaType: sniffed ?? UNKNOWN_MEDIA_TYPE,
      size: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      createdBy: input.createdBy,
    })
    .returning(metadataColumns);
  if (!row) throw new Error('file not stored');
  return row;
}

/** Every column but the content: lists and checks never load the bytes. */
export const metadataColumns = {
  id: files.id,
  orgId: files.orgId,
  ownerKind: files.ownerKind,
  ownerId: files.ownerId,
  filename: files.filename,
  mediaType: files.mediaType,
  size: files.size,
  sha256: files.sha256,
  extractedText: files.extractedText,
  textExtractedAt: files.textExtractedAt,
  createdBy: files.createdBy,
  createdAt: files.createdAt,
};
