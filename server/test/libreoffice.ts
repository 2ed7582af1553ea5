import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function has(command: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

/** LibreOffice is on the machine (CI installs it; a laptop may not have it). */
export const hasLibreOffice = await has('soffice');
/** poppler's pdftotext, to read what LibreOffice printed. */
export const hasPdfToText = await has('pdftotext');

// CI installs both (.ci/run): there a missing reader is a broken setup, never a silent skip.
if (process.env.CI === 'true' && !(hasLibreOffice && hasPdfToText)) {
  throw new Error('CI needs LibreOffice (soffice) and poppler (pdftotext) to check the generated documents.');
}

/**
 * Converts a document to PDF with LibreOffice, as a user's office suite would open it; null
 * when LibreOffice is not installed. Each call has its own profile folder: two runs sharing
 * one would wait on each other's lock, or fail.
 */
export async function convertWithLibreOffice(file: Buffer, ext: string): Promise<Buffer | null> {
  if (!hasLibreOffice) return null;
  const dir = await mkdtemp(join(tmpdir(), 'dircab-soffice-'));
  try {
    const input = join(dir, `document.${ext}`);
    await writeFile(input, file);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'out'),
        input,
      ],
      { timeout: 120_000 },
    );
    return await readFile(join(dir, 'out', 'document.pdf')).catch(() => null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF through pdftotext; null when poppler is not installed. */
export async function pdfToText(pdf: Buffer): Promise<string | null> {
  if (!hasPdfToText) return null;
  const dir = await mkdtemp(join(tmpdir(), 'dircab-pdftotext-'));
  try {
    const input = join(dir, 'document.pdf');
    await writeFile(input, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', input, '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
