CREATE TABLE "agenda_officials_versions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"version" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agenda_events_attendee_contacts_idx" ON "agenda_events" USING gin ("attendee_contact_ids");--> statement-breakpoint
CREATE INDEX "decisions_org_case_idx" ON "decisions" USING btree ("org_id","case_id","id" DESC NULLS LAST);