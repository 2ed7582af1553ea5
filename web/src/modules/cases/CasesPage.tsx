import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { InterventionsReportPage } from './InterventionsReportPage';

/** The cases pages below /cases (module-registry.ts). */
export default function CasesPage() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path="interventions" element={<InterventionsReportPage />} />
      <Route path=":id" element={<CasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
