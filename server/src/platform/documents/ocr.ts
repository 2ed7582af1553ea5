import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Images tesseract reads as they are (a multi-page TIFF included). */
export const OCR_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/tiff'];

/** A long scan is read up to this page: beyond it the search entry is long enough to find it. */
const MAX_PDF_PAGES = 20;
/** 300 dpi is what tesseract is trained for; less loses accents, more only costs time. */
const PDF_DPI = 300;
/** Per page: a stuck process must not hold the job runner. */
const TIMEOUT_MS = 120_000;

/** The binaries are missing (tesseract, or pdftoppm for a PDF): OCR is unavailable. */
export class OcrUnavailableError extends Error {
  constructor(binary: string) {
    super(`OCR indisponible : le programme « ${binary} » n’est pas installé sur le serveur.`);
    this.name = 'OcrUnavailableError';
  }
}

function isMissingBinary(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

let languages: Promise<string> | null = null;

/** French with English, as installed: a French town hall's mail, with English words in it. */
function languagesOf(): Promise<string> {
  languages ??= run('tesseract', ['--list-langs'])
    .then(({ stdout }) => {
      const installed = new Set(stdout.split('\n').map((l) => l.trim()));
      const wanted = ['fra', 'eng'].filter((l) => installed.has(l));
      return wanted.length > 0 ? wanted.join('+') : 'eng';
    })
    .catch((error: unknown) => {
      languages = null;
      throw isMissingBinary(error) ? new OcrUnavailableError('tesseract') : error;
    });
  return languages;
}

async function tesseract(imagePath: string): Promise<string> {
  const langs = await languagesOf();
  try {
    // One thread: the machine's cores serve the requests first.
    const { stdout } = await run('tesseract', [imagePath, 'stdout', '-l', langs], {
      timeout: TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    return stdout;
  } catch (error) {
    if (isMissingBinary(error)) throw new OcrUnavailableError('tesseract');
    throw error;
  }
}

/** The pages of a PDF as PNG files in `dir`, in order (poppler's pdftoppm). */
async function pdfPages(pdfPath: string, dir: string): Promise<string[]> {
  try {
    await run(
      'pdftoppm',
      ['-r', String(PDF_DPI), '-gray', '-png', '-f', '1', '-l', String(MAX_PDF_PAGES), pdfPath, join(dir, 'page')],
      { timeout: TIMEOUT_MS },
    );
  } catch (error) {
    if (isMissingBinary(error)) throw new OcrUnavailableError('pdftoppm');
    throw error;
  }
  return (await readdir(dir))
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The text of a scanned image or of a PDF without a text layer, read by tesseract (Debian's
 * `tesseract-ocr` with `tesseract-ocr-fra`), spaces tidied. Runs the binaries in a temporary
 * folder, never in a transaction (seconds per page). Throws OcrUnavailableError when they are
 * not installed, which the caller records instead of failing.
 */
export async function recogniseText(content: Uint8Array, mediaType: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dircab-ocr-'));
  try {
    let images: string[];
    if (mediaType === 'application/pdf') {
      const pdf = join(dir, 'scan.pdf');
      await writeFile(pdf, content);
      images = await pdfPages(pdf, dir);
    } else if (OCR_IMAGE_TYPES.includes(mediaType)) {
      const image = join(dir, 'scan');
      await writeFile(image, content);
      images = [image];
    } else {
      return '';
    }
    const pages: string[] = [];
    for (const image of images) pages.push(await tesseract(image));
    return pages
      .join('\n')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
