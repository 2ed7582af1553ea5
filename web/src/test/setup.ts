import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { ensureWordsOfModules } from '../i18n/i18n';

// Pages are rendered here without the lazy loading that brings the modules' words: load them once.
await ensureWordsOfModules();

// Dialogs, toolbars and toasts are fetched when first used (issue 7), which Vitest transforms
// on demand: on a busy machine that takes longer than findBy's default second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks what Mantine measures and listens to (STACK-NOTES.md).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
Element.prototype.scrollIntoView = () => {};

afterEach(() => {
  cleanup();
  localStorage.clear();
});
