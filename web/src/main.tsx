import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
// Before the app's modules: i18next is set up before any of them could ask it for words.
import './i18n/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18nReady } from './i18n/i18n';

const root = document.getElementById('root');
// French is at hand; English (chosen on this browser) is fetched first, so no French flash.
void i18nReady.then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
