import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { ensureWordsOfModules } from './i18n';

/**
 * React's `lazy` for a page or dialog beyond the first screens (sign-in, shell, inbox): its
 * code and the modules' words are fetched together, so it never shows a missing word.
 */
// biome-ignore lint/suspicious/noExplicitAny: the constraint of React's own `lazy`, whatever the page's props.
export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): LazyExoticComponent<T> {
  return lazy(async () => {
    const [page] = await Promise.all([load(), ensureWordsOfModules()]);
    return page;
  });
}
