import { useEffect } from 'react';

/** Sets the tab title: the first thing a screen reader announces after a navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Dircab`;
  }, [title]);
}
