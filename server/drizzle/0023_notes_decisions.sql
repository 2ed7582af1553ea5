CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_on" date NOT NULL,
	"note_id" uuid,
	"case_id" uuid,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"members" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_annotations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"quote" text NOT NULL,
	"comment" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_contributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"service_id" uuid,
	"user_id" uuid,
	"question" text NOT NULL,
	"due_date" date NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"task_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"merged_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"body_html" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"body_html" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"addressee_id" uuid,
	"author_id" uuid,
	"body_html" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"members" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"transitioned_at" timestamp with time zone,
	"return_comment" text,
	"transmitted_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_annotations" ADD CONSTRAINT "note_annotations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_annotations" ADD CONSTRAINT "note_annotations_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_annotations" ADD CONSTRAINT "note_annotations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_contributions" ADD CONSTRAINT "note_contributions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_contributions" ADD CONSTRAINT "note_contributions_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_contributions" ADD CONSTRAINT "note_contributions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_contributions" ADD CONSTRAINT "note_contributions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_contributions" ADD CONSTRAINT "note_contributions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_contributions" ADD CONSTRAINT "note_contributions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_contributions" ADD CONSTRAINT "note_contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_versions" ADD CONSTRAINT "note_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_versions" ADD CONSTRAINT "note_versions_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_versions" ADD CONSTRAINT "note_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_addressee_id_users_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_org_id_idx" ON "decisions" USING btree ("org_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "decisions_org_note_idx" ON "decisions" USING btree ("org_id","note_id");--> statement-breakpoint
CREATE INDEX "decisions_members_idx" ON "decisions" USING gin ("members");--> statement-breakpoint
CREATE INDEX "note_annotations_note_idx" ON "note_annotations" USING btree ("note_id","id");--> statement-breakpoint
CREATE INDEX "note_contributions_note_idx" ON "note_contributions" USING btree ("note_id","id");--> statement-breakpoint
CREATE INDEX "note_contributions_org_service_idx" ON "note_contributions" USING btree ("org_id","service_id");--> statement-breakpoint
CREATE INDEX "note_contributions_org_user_idx" ON "note_contributions" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "note_templates_org_idx" ON "note_templates" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "note_versions_note_number_uq" ON "note_versions" USING btree ("note_id","number");--> statement-breakpoint
CREATE INDEX "notes_org_id_idx" ON "notes" USING btree ("org_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notes_org_status_idx" ON "notes" USING btree ("org_id","status","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notes_org_kind_idx" ON "notes" USING btree ("org_id","kind","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notes_org_addressee_idx" ON "notes" USING btree ("org_id","addressee_id","status","transmitted_at" DESC NULLS LAST) WHERE "notes"."status" in ('transmitted', 'read', 'answered');--> statement-breakpoint
CREATE INDEX "notes_members_idx" ON "notes" USING gin ("members");