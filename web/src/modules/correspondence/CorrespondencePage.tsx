import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { InboxPage } from './InboxPage';

// The inbox comes with the module; each other page (and what it alone uses: the registration
// form, the reply editor, the settings panels, the figures) loads when opened, which keeps the
// JavaScript for the first screens small (issue 7). The shell's Suspense shows the loader meanwhile.
const RegisterItemPage = lazy(() => import('./RegisterItemPage').then((m) => ({ default: m.RegisterItemPage })));
const ItemPage = lazy(() => import('./ItemPage').then((m) => ({ default: m.ItemPage })));
const EditItemPage = lazy(() => import('./EditItemPage').then((m) => ({ default: m.EditItemPage })));
const SignatureBookPage = lazy(() => import('./SignatureBookPage').then((m) => ({ default: m.SignatureBookPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const FiguresPage = lazy(() => import('./figures/FiguresPage').then((m) => ({ default: m.FiguresPage })));
const RegisterPage = lazy(() => import('./register/RegisterPage').then((m) => ({ default: m.RegisterPage })));

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
