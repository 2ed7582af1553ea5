CREATE TABLE "contact_duplicate_candidates" (
	"org_id" uuid NOT NULL,
	"contact_a" uuid NOT NULL,
	"contact_b" uuid NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_duplicate_candidates_org_id_contact_a_contact_b_pk" PRIMARY KEY("org_id","contact_a","contact_b")
);
--> statement-breakpoint
CREATE TABLE "contact_duplicate_dismissals" (
	"org_id" uuid NOT NULL,
	"contact_a" uuid NOT NULL,
	"contact_b" uuid NOT NULL,
	"dismissed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_duplicate_dismissals_org_id_contact_a_contact_b_pk" PRIMARY KEY("org_id","contact_a","contact_b")
);
--> statement-breakpoint
CREATE TABLE "contact_match_keys" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "contact_match_keys_contact_id_key_pk" PRIMARY KEY("contact_id","key")
);
--> statement-breakpoint
CREATE TABLE "contact_relations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"from_contact_id" uuid NOT NULL,
	"to_contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_relations_not_self" CHECK ("contact_relations"."from_contact_id" <> "contact_relations"."to_contact_id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_duplicate_candidates" ADD CONSTRAINT "contact_duplicate_candidates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duplicate_candidates" ADD CONSTRAINT "contact_duplicate_candidates_contact_a_contacts_id_fk" FOREIGN KEY ("contact_a") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duplicate_candidates" ADD CONSTRAINT "contact_duplicate_candidates_contact_b_contacts_id_fk" FOREIGN KEY ("contact_b") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duplicate_dismissals" ADD CONSTRAINT "contact_duplicate_dismissals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duplicate_dismissals" ADD CONSTRAINT "contact_duplicate_dismissals_contact_a_contacts_id_fk" FOREIGN KEY ("contact_a") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duplicate_dismissals" ADD CONSTRAINT "contact_duplicate_dismissals_contact_b_contacts_id_fk" FOREIGN KEY ("contact_b") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_match_keys" ADD CONSTRAINT "contact_match_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_match_keys" ADD CONSTRAINT "contact_match_keys_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_relations" ADD CONSTRAINT "contact_relations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_relations" ADD CONSTRAINT "contact_relations_from_contact_id_contacts_id_fk" FOREIGN KEY ("from_contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_relations" ADD CONSTRAINT "contact_relations_to_contact_id_contacts_id_fk" FOREIGN KEY ("to_contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_duplicate_candidates_list_idx" ON "contact_duplicate_candidates" USING btree ("org_id","score" DESC NULLS LAST,"contact_a","contact_b");--> statement-breakpoint
CREATE INDEX "contact_duplicate_candidates_b_idx" ON "contact_duplicate_candidates" USING btree ("org_id","contact_b");--> statement-breakpoint
CREATE INDEX "contact_match_keys_org_key_idx" ON "contact_match_keys" USING btree ("org_id","key");--> statement-breakpoint
CREATE INDEX "contact_relations_org_from_idx" ON "contact_relations" USING btree ("org_id","from_contact_id","id");--> statement-breakpoint
CREATE INDEX "contact_relations_org_to_idx" ON "contact_relations" USING btree ("org_id","to_contact_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_relations_uq" ON "contact_relations" USING btree ("org_id","from_contact_id","to_contact_id","kind",coalesce(lower("label"), ''));--> statement-breakpoint
CREATE INDEX "contacts_org_merged_into_idx" ON "contacts" USING btree ("org_id","merged_into_id");