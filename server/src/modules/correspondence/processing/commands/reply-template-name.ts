import { problems } from '../../../../platform/errors/problem';

/** Two templates of an organisation never share a name (unique index): 409, not 500. */
export async function refuseTakenTemplateName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      if (e.code === '23505') {
        throw problems.conflict('Un modèle porte déjà ce nom.', [
          { path: 'name', message: 'Choisissez un autre nom.', code: 'duplicate' },
        ]);
      }
    }
    throw error;
  }
}
