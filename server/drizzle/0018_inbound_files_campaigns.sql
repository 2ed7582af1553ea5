CREATE TABLE "correspondence_campaign_items" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"label" text NOT NULL,
	"first_item_id" uuid,
	"item_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_email_messages" (
	"org_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correspondence_email_messages_org_id_message_id_pk" PRIMARY KEY("org_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "correspondence_fingerprint_bands" (
	"item_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"band" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "correspondence_fingerprint_bands_item_id_band_pk" PRIMARY KEY("item_id","band")
);
--> statement-breakpoint
CREATE TABLE "correspondence_fingerprints" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"sender_key" text NOT NULL,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_gateway_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "correspondence_gateway_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "correspondence_public_forms" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"extracted_text" text,
	"text_extracted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correspondence_campaign_items" ADD CONSTRAINT "correspondence_campaign_items_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_campaign_items" ADD CONSTRAINT "correspondence_campaign_items_campaign_id_correspondence_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."correspondence_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_campaigns" ADD CONSTRAINT "correspondence_campaigns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_campaigns" ADD CONSTRAINT "correspondence_campaigns_first_item_id_correspondence_items_id_fk" FOREIGN KEY ("first_item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_email_messages" ADD CONSTRAINT "correspondence_email_messages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_email_messages" ADD CONSTRAINT "correspondence_email_messages_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_fingerprint_bands" ADD CONSTRAINT "correspondence_fingerprint_bands_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_fingerprints" ADD CONSTRAINT "correspondence_fingerprints_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_gateway_tokens" ADD CONSTRAINT "correspondence_gateway_tokens_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_public_forms" ADD CONSTRAINT "correspondence_public_forms_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correspondence_campaign_items_campaign_idx" ON "correspondence_campaign_items" USING btree ("campaign_id","item_id");--> statement-breakpoint
CREATE INDEX "correspondence_campaigns_org_idx" ON "correspondence_campaigns" USING btree ("org_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_email_messages_item_idx" ON "correspondence_email_messages" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "correspondence_fingerprint_bands_lookup_idx" ON "correspondence_fingerprint_bands" USING btree ("org_id","band","received_at");--> statement-breakpoint
CREATE INDEX "correspondence_gateway_tokens_org_idx" ON "correspondence_gateway_tokens" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("org_id","owner_kind","owner_id","id");