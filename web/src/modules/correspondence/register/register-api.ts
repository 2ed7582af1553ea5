import type { TProblem } from '@dircab/contracts';
import { ApiError, queryString } from '../../../app/api/http';

export const REGISTER_PATH = '/correspondence/register';

export interface RegisterQuery {
  from: string;
  to: string;
  direction: 'in' | 'out' | 'all';
  format: 'csv' | 'pdf';
}

export const registerUrl = (q: RegisterQuery) => `/api/v1/correspondence/register${queryString({ ...q })}`;

/**
 * The register's file, fetched rather than followed as a link: a period the server refuses
 * then comes back as its problem+json, shown at the field, instead of a downloaded error.
 */
export async function fetchRegister(q: RegisterQuery): Promise<{ blob: Blob; filename: string }> {
  const response = await fetch(registerUrl(q), { credentials: 'same-origin' });
  if (!response.ok) {
    let problem: TProblem | null = null;
    try {
      problem = (await response.json()) as TProblem;
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `registre-courrier-${q.from}-${q.to}.${q.format}`;
  return { blob: await response.blob(), filename };
}

/** Hands a fetched file to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
