import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { lazyPage } from '../../i18n/lazy-page';
import { InboxPage } from './InboxPage';

// The inbox comes with the module; each other page (and what it alone uses: the registration
// form, the reply editor, the settings panels, the figures) loads when opened, which keeps the
// JavaScript for the first screens small (issue 7), and brings the words of the module's other
// pages with it. The shell's Suspense shows the loader meanwhile.
const RegisterItemPage = lazyPage(() => import('./RegisterItemPage').then((m) => ({ default: m.RegisterItemPage })));
const ItemPage = lazyPage(() => import('./ItemPage').then((m) => ({ default: m.ItemPage })));
const EditItemPage = lazyPage(() => import('./EditItemPage').then((m) => ({ default: m.EditItemPage })));
const SignatureBookPage = lazyPage(() => import('./SignatureBookPage').then((m) => ({ default: m.SignatureBookPage })));
const SettingsPage = lazyPage(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const FiguresPage = lazyPage(() => import('./figures/FiguresPage').then((m) => ({ default: m.FiguresPage })));
const RegisterPage = lazyPage(() => import('./register/RegisterPage').then((m) => ({ default: m.RegisterPage })));

/** The correspondence pages below /correspondence (module-registry.ts). */
export default function CorrespondencePage() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="new" element={<RegisterItemPage />} />
      <Route path="items/:id" element={<ItemPage />} />
      <Route path="items/:id/edit" element={<EditItemPage />} />
      <Route path="signature-book" element={<SignatureBookPage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="figures" element={<FiguresPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
