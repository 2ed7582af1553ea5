// Every Drizzle table of the product, for the client's typed queries and for drizzle-kit.
export * from '../../modules/correspondence/correspondence.schema';
export * from '../../modules/correspondence/follow-up/follow-up.schema';
export * from '../../modules/directory/contact-links.schema';
export * from '../../modules/directory/directory.schema';
export * from '../../modules/directory/officials.schema';
export * from '../../modules/directory/privacy/privacy.schema';
export * from '../../modules/org/org.schema';
export * from '../audit/audit.schema';
export * from '../auth/auth.schema';
export * from '../calendar/organisation-calendar.schema';
export * from '../jobs/jobs.schema';
export * from '../notifications/notifications.schema';
export * from '../search/search.schema';
export * from './settings.schema';
