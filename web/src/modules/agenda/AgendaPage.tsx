import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { BriefPage } from './briefs/BriefPage';
import { BriefPrintPage } from './briefs/BriefPrintPage';
import { CalendarPage } from './calendar/CalendarPage';
import { FeedsPage } from './feeds/FeedsPage';
import { AgendaPartsNav } from './invitations/AgendaPartsNav';
import { InvitationPage } from './invitations/InvitationPage';
import { InvitationsPage } from './invitations/InvitationsPage';
import { NewInvitationPage } from './invitations/NewInvitationPage';
import { RepresentationReportPage } from './invitations/RepresentationReportPage';
import { PrintWeekPage } from './print/PrintWeekPage';
import { PhoneLanding } from './today/PhoneLanding';
import { TodayPage } from './today/TodayPage';

/** The agenda pages below /agenda (module-registry.ts). */
export default function AgendaPage() {
  return (
    <Routes>
      {/* The calendar: ?view=day|week|month|list&date=&officials= keep the URL shareable. */}
      <Route
        index
        element={
          <PhoneLanding>
            <AgendaPartsNav />
            <CalendarPage />
          </PhoneLanding>
        }
      />
      <Route path="print" element={<PrintWeekPage />} />
      {/* Invitations, trip briefs, the phone "today" view and the feeds (their own folders). */}
      <Route path="invitations" element={<InvitationsPage />} />
      <Route path="invitations/new" element={<NewInvitationPage />} />
      <Route path="invitations/representation" element={<RepresentationReportPage />} />
      <Route path="invitations/:id" element={<InvitationPage />} />
      <Route path="briefs/:eventId" element={<BriefPage />} />
      <Route path="briefs/:eventId/print" element={<BriefPrintPage />} />
      <Route path="today" element={<TodayPage />} />
      <Route path="feeds" element={<FeedsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
