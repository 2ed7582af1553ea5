CREATE TABLE "privacy_retention" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"constituents_months" integer NOT NULL,
	"other_officials_months" integer NOT NULL,
	"own_officials_months" integer NOT NULL,
	"organisation_notes_months" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
-- Existing contacts: their last change is the best known last activity (not the migration's day).
UPDATE "contacts" SET "last_activity_at" = "updated_at";--> statement-breakpoint
ALTER TABLE "privacy_retention" ADD CONSTRAINT "privacy_retention_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_retention_idx" ON "contacts" USING btree ("org_id","kind","last_activity_at") WHERE "contacts"."anonymised_at" is null;