ALTER TABLE "correspondence_items" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "tag_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD COLUMN "campaign_reply_id" uuid;--> statement-breakpoint
ALTER TABLE "correspondence_items" ADD CONSTRAINT "correspondence_items_campaign_reply_id_correspondence_replies_id_fk" FOREIGN KEY ("campaign_reply_id") REFERENCES "public"."correspondence_replies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correspondence_items_tag_keys_idx" ON "correspondence_items" USING gin ("tag_keys");--> statement-breakpoint
CREATE INDEX "correspondence_items_org_tagged_idx" ON "correspondence_items" USING btree ("org_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "correspondence_items"."tag_keys" <> '{}'::text[];--> statement-breakpoint
CREATE INDEX "correspondence_items_campaign_reply_idx" ON "correspondence_items" USING btree ("campaign_reply_id") WHERE "correspondence_items"."campaign_reply_id" is not null;--> statement-breakpoint
-- Campaign copies sent before this column: found again by the old rule (the copy was registered
-- at the instant the lead's reply was sent), once, so their letters keep finding that reply.
UPDATE "correspondence_items" AS "copy" SET "campaign_reply_id" = "r"."id"
FROM "correspondence_campaign_items" AS "mine", "correspondence_campaign_items" AS "others", "correspondence_replies" AS "r"
WHERE "copy"."direction" = 'out' AND "copy"."in_reply_to_id" = "mine"."item_id"
  AND "others"."campaign_id" = "mine"."campaign_id" AND "others"."item_id" <> "mine"."item_id"
  AND "r"."item_id" = "others"."item_id" AND "r"."sent_at" = "copy"."received_at";
