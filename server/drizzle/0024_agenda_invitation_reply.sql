ALTER TABLE "agenda_invitations" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "agenda_invitations" ADD COLUMN "reply_item_id" uuid;