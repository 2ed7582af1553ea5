CREATE TABLE "correspondence_counters" (
	"org_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "correspondence_counters_org_id_direction_year_pk" PRIMARY KEY("org_id","direction","year")
);
--> statement-breakpoint
CREATE TABLE "correspondence_item_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"acknowledgement_due" boolean DEFAULT false NOT NULL,
	"implicit_decision_rule" text,
	"implicit_decision_months" integer DEFAULT 2 NOT NULL,
	"processing_working_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"registration_number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"channel" text NOT NULL,
	"type_id" uuid,
	"subject" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"sender_contact_id" uuid,
	"sender_name" text NOT NULL,
	"sender_email" text,
	"sender_phone" text,
	"sender_address" text,
	"topic" text,
	"territory_id" uuid,
	"priority" text DEFAULT 'normal' NOT NULL,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"members" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"due_date" date,
	"implicit_decision_date" date,
	"implicit_decision_rule" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"incoming_format" text NOT NULL,
	"outgoing_format" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correspondence_counters" ADD CONSTRAINT "correspondence_counters_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_item_types" ADD CONSTRAINT "correspondence_item_types_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_type_id_correspondence_item_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."correspondence_item_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_sender_contact_id_contacts_id_fk" FOREIGN KEY ("sender_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_settings" ADD CONSTRAINT "correspondence_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_item_types_org_code_uq" ON "correspondence_item_types" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_items_org_number_uq" ON "correspondence_items" USING btree ("org_id","registration_number");--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_items_org_seq_uq" ON "correspondence_items" USING btree ("org_id","direction","year","sequence");--> statement-breakpoint
CREATE INDEX "correspondence_items_org_received_idx" ON "correspondence_items" USING btree ("org_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_status_idx" ON "correspondence_items" USING btree ("org_id","status","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_channel_idx" ON "correspondence_items" USING btree ("org_id","channel","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_direction_idx" ON "correspondence_items" USING btree ("org_id","direction","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_type_idx" ON "correspondence_items" USING btree ("org_id","type_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_territory_idx" ON "correspondence_items" USING btree ("org_id","territory_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_sender_idx" ON "correspondence_items" USING btree ("org_id","sender_contact_id");--> statement-breakpoint
CREATE INDEX "correspondence_items_members_idx" ON "correspondence_items" USING gin ("members");--> statement-breakpoint
CREATE INDEX "correspondence_items_subject_trgm_idx" ON "correspondence_items" USING gin (dircab_unaccent(lower("subject")) gin_trgm_ops);