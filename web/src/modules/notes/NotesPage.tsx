import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { ContributionPage } from './contributions/ContributionPage';
import { MyContributionsPage } from './contributions/MyContributionsPage';
import { DecisionPage } from './decisions/DecisionPage';
import { DecisionsPage } from './decisions/DecisionsPage';
import { NewNotePage } from './NewNotePage';
import { NotePage } from './NotePage';
import { NotesListPage } from './NotesListPage';
import { ReadingFolderPage } from './reading/ReadingFolderPage';
import { TemplatesPage } from './templates/TemplatesPage';

/** The notes pages below /notes (module-registry.ts). */
export default function NotesPage() {
  return (
    <Routes>
      <Route index element={<NotesListPage />} />
      <Route path="new" element={<NewNotePage />} />
      <Route path="reading-folder" element={<ReadingFolderPage />} />
      <Route path="decisions" element={<DecisionsPage />} />
      <Route path="decisions/:id" element={<DecisionPage />} />
      <Route path="contributions" element={<MyContributionsPage />} />
      <Route path="templates" element={<TemplatesPage />} />
      <Route path=":id" element={<NotePage />} />
      <Route path=":id/contributions/:cid" element={<ContributionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
