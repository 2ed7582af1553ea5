import type { FastifyInstance } from 'fastify';
import { registerCalendarRoutes } from './calendars.routes';
import { registerEventRoutes } from './events.routes';

/** The agenda module's routes: events, invitations, trip briefs, calendar feeds. */
export async function registerAgendaRoutes(app: FastifyInstance) {
  registerEventRoutes(app);
  registerCalendarRoutes(app);
}
