import { execFile } from 'node:child_process';
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

/** tesseract (Debian's tesseract-ocr, with tesseract-ocr-fra) reads scans; poppler's pdftoppm renders PDF pages for it. */
export const hasTesseract = await has('tesseract');
export const hasPdfToPpm = await has('pdftoppm');

// CI installs them (.ci/run): there a missing OCR is a broken setup, never a silent skip.
if (process.env.CI === 'true' && !(hasTesseract && hasPdfToPpm)) {
  throw new Error('CI needs tesseract (tesseract-ocr, tesseract-ocr-fra) and pdftoppm (poppler-utils) to check OCR.');
}
