CREATE TABLE "correspondence_approvals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"position" integer NOT NULL,
	"waiting" boolean DEFAULT false NOT NULL,
	"decision" text,
	"comment" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body_html" text NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_email" text,
	"recipient_address" text,
	"review_order" text DEFAULT 'sequential' NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"return_comment" text,
	"outgoing_item_id" uuid,
	"send_method" text,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_reply_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"body_html" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence_routings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"service_id" uuid,
	"user_id" uuid,
	"mode" text NOT NULL,
	"comment" text,
	"routed_by" uuid,
	"routed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "service_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "routed_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "lead_service_id" uuid;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "lead_user_id" uuid;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "in_reply_to_id" uuid;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "correspondence_approvals" ADD CONSTRAINT "correspondence_approvals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_approvals" ADD CONSTRAINT "correspondence_approvals_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_approvals" ADD CONSTRAINT "correspondence_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_replies" ADD CONSTRAINT "correspondence_replies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_replies" ADD CONSTRAINT "correspondence_replies_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_replies" ADD CONSTRAINT "correspondence_replies_outgoing_item_id_correspondence_items_id_fk" FOREIGN KEY ("outgoing_item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_replies" ADD CONSTRAINT "correspondence_replies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_reply_templates" ADD CONSTRAINT "correspondence_reply_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_routings" ADD CONSTRAINT "correspondence_routings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_routings" ADD CONSTRAINT "correspondence_routings_item_id_correspondence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."correspondence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_routings" ADD CONSTRAINT "correspondence_routings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_routings" ADD CONSTRAINT "correspondence_routings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_routings" ADD CONSTRAINT "correspondence_routings_routed_by_users_id_fk" FOREIGN KEY ("routed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correspondence_approvals_item_idx" ON "correspondence_approvals" USING btree ("item_id","round","position");--> statement-breakpoint
CREATE INDEX "correspondence_approvals_waiting_idx" ON "correspondence_approvals" USING btree ("org_id","user_id") WHERE "correspondence_approvals"."waiting";--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_replies_item_uq" ON "correspondence_replies" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_reply_templates_org_name_uq" ON "correspondence_reply_templates" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "correspondence_reply_templates_org_idx" ON "correspondence_reply_templates" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "correspondence_routings_item_idx" ON "correspondence_routings" USING btree ("item_id","routed_at");--> statement-breakpoint
CREATE INDEX "correspondence_routings_org_service_idx" ON "correspondence_routings" USING btree ("org_id","service_id");--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_lead_service_id_services_id_fk" FOREIGN KEY ("lead_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_in_reply_to_id_correspondence_items_id_fk" FOREIGN KEY ("in_reply_to_id") REFERENCES "public"."correspondence_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correspondence_items_service_ids_idx" ON "correspondence_items" USING gin ("service_ids");--> statement-breakpoint
CREATE INDEX "correspondence_items_routed_users_idx" ON "correspondence_items" USING gin ("routed_user_ids");--> statement-breakpoint
CREATE INDEX "correspondence_items_org_topic_idx" ON "correspondence_items" USING btree ("org_id","topic","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_lead_user_idx" ON "correspondence_items" USING btree ("org_id","lead_user_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_lead_service_idx" ON "correspondence_items" USING btree ("org_id","lead_service_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "correspondence_items_org_due_idx" ON "correspondence_items" USING btree ("org_id","due_date") WHERE "correspondence_items"."due_date" is not null and "correspondence_items"."status" in ('routed', 'in_progress', 'reply_drafted', 'in_review', 'to_sign', 'waiting_info');--> statement-breakpoint
CREATE INDEX "correspondence_items_in_reply_to_idx" ON "correspondence_items" USING btree ("in_reply_to_id");--> statement-breakpoint
-- The routing GIN indexes follow 0013: on PGlite (no autovacuum) they insert row by row.
DO $$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    ALTER INDEX "correspondence_items_service_ids_idx" SET (fastupdate = false);
    ALTER INDEX "correspondence_items_routed_users_idx" SET (fastupdate = false);
  END IF;
END $$;
