import type { TMe } from '@dircab/contracts';
import { createContext, useContext } from 'react';

export const MeContext = createContext<TMe | null>(null);

/** The signed-in user inside the shell (the shell renders only with a session). */
export function useMe(): TMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the signed-in shell');
  return me;
}

/** Whether the current role may open a module: the server's list is the truth. */
export function useHasModule(key: string): boolean {
  return useMe().modules.includes(key);
}
