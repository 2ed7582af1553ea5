CREATE TABLE "correspondence_ack_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'acknowledgement' NOT NULL,
	"subject" text NOT NULL,
	"body_html" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_acknowledgements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" uuid,
	"email_job_id" uuid,
	"template_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_letterheads" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"organisation_name" text NOT NULL,
	"address_lines" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone" text,
	"email" text,
	"website" text,
	"place" text NOT NULL,
	"secretariat_name" text NOT NULL,
	"secretariat_email" text,
	"secretariat_phone" text,
	"executive_name" text,
	"executive_title" text,
	"appeal_court" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"security" text NOT NULL,
	"username" text,
	"password_encrypted" text,
	"from_address" text NOT NULL,
	"from_name" text NOT NULL,
	"reply_to" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correspondence_ack_templates" ADD CONSTRAINT "correspondence_ack_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_acknowledgements" ADD CONSTRAINT "correspondence_acknowledgements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_acknowledgements" ADD CONSTRAINT "correspondence_acknowledgements_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_acknowledgements" ADD CONSTRAINT "correspondence_acknowledgements_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_acknowledgements" ADD CONSTRAINT "correspondence_acknowledgements_template_id_correspondence_ack_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."correspondence_ack_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_letterheads" ADD CONSTRAINT "correspondence_letterheads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_ack_templates_org_name_uq" ON "correspondence_ack_templates" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_ack_templates_default_uq" ON "correspondence_ack_templates" USING btree ("org_id","kind") WHERE "correspondence_ack_templates"."is_default";--> statement-breakpoint
CREATE INDEX "correspondence_ack_templates_org_idx" ON "correspondence_ack_templates" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "correspondence_acknowledgements_item_idx" ON "correspondence_acknowledgements" USING btree ("org_id","item_id","sent_at");