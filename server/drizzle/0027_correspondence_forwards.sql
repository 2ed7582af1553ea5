CREATE TABLE "correspondence_forwards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"authority_name" text NOT NULL,
	"authority_contact_id" uuid,
	"authority_email" text,
	"authority_address" text,
	"comment" text,
	"authority_letter_item_id" uuid NOT NULL,
	"writer_letter_item_id" uuid NOT NULL,
	"authority_letter_html" text NOT NULL,
	"writer_letter_html" text NOT NULL,
	"forwarded_by" uuid,
	"forwarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correspondence_forwards" ADD CONSTRAINT "correspondence_forwards_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_forwards" ADD CONSTRAINT "correspondence_forwards_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_forwards" ADD CONSTRAINT "correspondence_forwards_authority_contact_id_contacts_id_fk" FOREIGN KEY ("authority_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_forwards" ADD CONSTRAINT "correspondence_forwards_authority_letter_item_id_correspondence_items_id_fk" FOREIGN KEY ("authority_letter_item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_forwards" ADD CONSTRAINT "correspondence_forwards_writer_letter_item_id_correspondence_items_id_fk" FOREIGN KEY ("writer_letter_item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_forwards" ADD CONSTRAINT "correspondence_forwards_forwarded_by_users_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_forwards_item_uq" ON "correspondence_forwards" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "correspondence_forwards_org_idx" ON "correspondence_forwards" USING btree ("org_id","forwarded_at");