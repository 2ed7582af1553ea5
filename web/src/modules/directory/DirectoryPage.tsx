import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { ContactPage } from './ContactPage';
import { ContactsPage } from './ContactsPage';
import { DuplicatesPage } from './DuplicatesPage';
import { ImportWizardPage } from './import/ImportWizardPage';
import { MergePage } from './MergePage';
import { OfficialPage } from './officials/OfficialPage';
import { OfficialsPage } from './officials/OfficialsPage';
import { PoliticalGroupsPage } from './officials/PoliticalGroupsPage';
import { PersonalDataExportPage } from './privacy/PersonalDataExportPage';
import { RetentionPage } from './privacy/RetentionPage';
import { ServicesPage } from './ServicesPage';
import { TerritoriesPage } from './TerritoriesPage';

/** The directory's pages below /directory (module-registry.ts). */
export default function DirectoryPage() {
  return (
    <Routes>
      <Route index element={<ContactsPage />} />
      <Route path="contacts/:id" element={<ContactPage />} />
      <Route path="contacts/:id/merge/:otherId" element={<MergePage />} />
      <Route path="duplicates" element={<DuplicatesPage />} />
      <Route path="territories" element={<TerritoriesPage />} />
      <Route path="services" element={<ServicesPage />} />
      <Route path="services/:id" element={<ServicesPage />} />
      <Route path="officials" element={<OfficialsPage />} />
      <Route path="officials/:id" element={<OfficialPage />} />
      <Route path="groups" element={<PoliticalGroupsPage />} />
      <Route path="import" element={<ImportWizardPage />} />
      <Route path="contacts/:id/export" element={<PersonalDataExportPage />} />
      <Route path="privacy" element={<RetentionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
