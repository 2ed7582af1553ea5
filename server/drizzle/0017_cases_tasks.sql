CREATE TABLE "case_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"owner_id" uuid,
	"team" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"members" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"viewers" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"territory_id" uuid,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk_level" text DEFAULT 'low' NOT NULL,
	"due_date" date,
	"escalated_at" timestamp with time zone,
	"escalated_by" uuid,
	"escalation_note" text,
	"intervention_official_id" uuid,
	"intervention_institution_contact_id" uuid,
	"intervention_institution_name" text,
	"intervention_date" date,
	"intervention_object" text,
	"intervention_answer" text,
	"intervention_outcome" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"assignee_user_id" uuid,
	"assignee_service_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'todo' NOT NULL,
	"link_kind" text,
	"link_id" uuid,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"members" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_escalated_by_users_id_fk" FOREIGN KEY ("escalated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_intervention_official_id_officials_id_fk" FOREIGN KEY ("intervention_official_id") REFERENCES "public"."officials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_intervention_institution_contact_id_contacts_id_fk" FOREIGN KEY ("intervention_institution_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_service_id_services_id_fk" FOREIGN KEY ("assignee_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_links_case_record_uq" ON "case_links" USING btree ("case_id","kind","record_id");--> statement-breakpoint
CREATE INDEX "case_links_case_idx" ON "case_links" USING btree ("case_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "case_links_record_idx" ON "case_links" USING btree ("org_id","kind","record_id");--> statement-breakpoint
CREATE INDEX "cases_org_id_idx" ON "cases" USING btree ("org_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_org_status_idx" ON "cases" USING btree ("org_id","status","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_org_kind_idx" ON "cases" USING btree ("org_id","kind","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_org_owner_idx" ON "cases" USING btree ("org_id","owner_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_org_territory_idx" ON "cases" USING btree ("org_id","territory_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_org_risk_idx" ON "cases" USING btree ("org_id","risk_level","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_topics_idx" ON "cases" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "cases_viewers_idx" ON "cases" USING gin ("viewers");--> statement-breakpoint
CREATE INDEX "cases_org_escalated_idx" ON "cases" USING btree ("org_id","escalated_at" DESC NULLS LAST) WHERE "cases"."escalated_at" is not null and "cases"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "cases_org_intervention_date_idx" ON "cases" USING btree ("org_id","intervention_date") WHERE "cases"."kind" = 'intervention';--> statement-breakpoint
CREATE INDEX "tasks_org_due_idx" ON "tasks" USING btree ("org_id",coalesce("due_date", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "tasks_org_assignee_idx" ON "tasks" USING btree ("org_id","assignee_user_id",coalesce("due_date", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "tasks_org_service_idx" ON "tasks" USING btree ("org_id","assignee_service_id",coalesce("due_date", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "tasks_org_creator_idx" ON "tasks" USING btree ("org_id","created_by",coalesce("due_date", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "tasks_org_open_due_idx" ON "tasks" USING btree ("org_id","due_date","id") WHERE "tasks"."status" in ('todo', 'in_progress') and "tasks"."due_date" is not null;--> statement-breakpoint
CREATE INDEX "tasks_org_link_idx" ON "tasks" USING btree ("org_id","link_kind","link_id");--> statement-breakpoint
CREATE INDEX "tasks_members_idx" ON "tasks" USING gin ("members");--> statement-breakpoint
-- The GIN indexes of cases and tasks follow the rule of 0003/0009/0013: on PGlite (no
-- autovacuum to merge a pending list) they insert row by row; PostgreSQL keeps its default.
DO $$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    ALTER INDEX "cases_topics_idx" SET (fastupdate = false);
    ALTER INDEX "cases_viewers_idx" SET (fastupdate = false);
    ALTER INDEX "tasks_members_idx" SET (fastupdate = false);
  END IF;
END $$;
