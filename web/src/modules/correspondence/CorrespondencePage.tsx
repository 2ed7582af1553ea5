import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { EditItemPage } from './EditItemPage';
import { FiguresPage } from './figures/FiguresPage';
import { InboxPage } from './InboxPage';
import { ItemPage } from './ItemPage';
import { RegisterItemPage } from './RegisterItemPage';
import { RegisterPage } from './register/RegisterPage';
import { SignatureBookPage } from './SignatureBookPage';
import { SettingsPage } from './settings/SettingsPage';

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
