import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates migrations; the application applies them (STACK-NOTES: its
// PGlite driver loads no extensions).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
