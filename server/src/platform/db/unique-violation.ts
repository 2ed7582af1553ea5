import { problems } from '../errors/problem';

/** True when the error is PostgreSQL's unique_violation (23505), wrapped by Drizzle or not. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** Runs a write and answers 409 on the field when the organisation already has that name. */
export async function uniqueName<T>(write: () => Promise<T>, detail: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw problems.conflict(detail, [{ path: 'name', message: detail, code: 'duplicate' }]);
    }
    throw error;
  }
}
