import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { CalendarPage } from './calendar/CalendarPage';
import { PrintWeekPage } from './print/PrintWeekPage';

/** The agenda pages below /agenda (module-registry.ts). */
export default function AgendaPage() {
  return (
    <Routes>
      {/* The calendar: ?view=day|week|month|list&date=&officials= keep the URL shareable. */}
      <Route index element={<CalendarPage />} />
      <Route path="print" element={<PrintWeekPage />} />
      {/* Invitations, trip briefs, the phone "today" view and the feeds (their own folders). */}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
