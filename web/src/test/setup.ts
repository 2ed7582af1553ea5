import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { ensureWordsOfModules } from '../i18n/i18n';

// Pages are rendered here without the lazy loading that brings the modules' words: load them once.
await ensureWordsOfModules();

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
