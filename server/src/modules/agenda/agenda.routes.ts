import type { FastifyInstance } from 'fastify';
import { registerBriefRoutes } from './briefs.routes';
import { registerCalendarRoutes } from './calendars.routes';
import { registerAgendaDirectorySources } from './directory-sources';
import { registerEventCaseLink } from './event-case-link';
import { registerEventRoutes } from './events.routes';
import { registerImportRoutes } from './import.routes';
import { registerInvitationRoutes } from './invitations.routes';

/** The agenda module's routes: events, invitations, trip briefs, calendar feeds. */
export async function registerAgendaRoutes(app: FastifyInstance) {
  registerAgendaDirectorySources();
  registerEventCaseLink();
  registerEventRoutes(app);
  registerCalendarRoutes(app);
  registerInvitationRoutes(app);
  registerBriefRoutes(app);
  await app.register(registerImportRoutes);
}
