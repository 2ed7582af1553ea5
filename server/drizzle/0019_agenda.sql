CREATE TABLE "agenda_briefs" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"talking_points" text DEFAULT '' NOT NULL,
	"driver" text,
	"gift" text,
	"logistics" text DEFAULT '' NOT NULL,
	"protocol_remarks" text DEFAULT '' NOT NULL,
	"validated_by" uuid,
	"validated_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_calendar_feeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"official_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agenda_event_officials" (
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	CONSTRAINT "agenda_event_officials_event_id_official_id_pk" PRIMARY KEY("event_id","official_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid,
	"recurrence_id" timestamp with time zone,
	"cancelled" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"visibility" text NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"start_date" date,
	"end_date" date,
	"time_zone" text NOT NULL,
	"place_label" text,
	"place_address" text,
	"place_lat" double precision,
	"place_lon" double precision,
	"attendee_official_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attendee_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attendee_contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reminders" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"rrule" text,
	"exdates" timestamp with time zone[] DEFAULT '{}'::timestamptz[] NOT NULL,
	"series_ends_at" timestamp with time zone,
	"representing_official_id" uuid,
	"invitation_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"organiser_contact_id" uuid,
	"organiser_name" text NOT NULL,
	"kind" text DEFAULT 'ceremony' NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"start_date" date,
	"end_date" date,
	"time_zone" text NOT NULL,
	"place_label" text,
	"place_address" text,
	"place_lat" double precision,
	"place_lon" double precision,
	"answer_by" date NOT NULL,
	"correspondence_item_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"event_id" uuid,
	"delegated_official_id" uuid,
	"decline_reason" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"travel_minutes" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_briefs" ADD CONSTRAINT "agenda_briefs_event_id_agenda_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."agenda_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_briefs" ADD CONSTRAINT "agenda_briefs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_briefs" ADD CONSTRAINT "agenda_briefs_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_briefs" ADD CONSTRAINT "agenda_briefs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_calendar_feeds" ADD CONSTRAINT "agenda_calendar_feeds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_calendar_feeds" ADD CONSTRAINT "agenda_calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_calendar_feeds" ADD CONSTRAINT "agenda_calendar_feeds_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_event_officials" ADD CONSTRAINT "agenda_event_officials_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_event_officials" ADD CONSTRAINT "agenda_event_officials_event_id_agenda_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."agenda_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_event_officials" ADD CONSTRAINT "agenda_event_officials_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_events" ADD CONSTRAINT "agenda_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_events" ADD CONSTRAINT "agenda_events_series_id_agenda_events_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."agenda_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_events" ADD CONSTRAINT "agenda_events_representing_official_id_officials_id_fk" FOREIGN KEY ("representing_official_id") REFERENCES "public"."officials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_events" ADD CONSTRAINT "agenda_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_invitations" ADD CONSTRAINT "agenda_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_invitations" ADD CONSTRAINT "agenda_invitations_organiser_contact_id_contacts_id_fk" FOREIGN KEY ("organiser_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_invitations" ADD CONSTRAINT "agenda_invitations_event_id_agenda_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."agenda_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_invitations" ADD CONSTRAINT "agenda_invitations_delegated_official_id_officials_id_fk" FOREIGN KEY ("delegated_official_id") REFERENCES "public"."officials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_invitations" ADD CONSTRAINT "agenda_invitations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_invitations" ADD CONSTRAINT "agenda_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_settings" ADD CONSTRAINT "agenda_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_calendar_feeds_token_uq" ON "agenda_calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "agenda_calendar_feeds_user_idx" ON "agenda_calendar_feeds" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "agenda_event_officials_week_idx" ON "agenda_event_officials" USING btree ("org_id","official_id","starts_at");--> statement-breakpoint
CREATE INDEX "agenda_event_officials_series_idx" ON "agenda_event_officials" USING btree ("org_id","official_id") WHERE "agenda_event_officials"."recurring";--> statement-breakpoint
CREATE INDEX "agenda_events_org_start_idx" ON "agenda_events" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "agenda_events_org_series_idx" ON "agenda_events" USING btree ("org_id") WHERE "agenda_events"."rrule" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_events_occurrence_uq" ON "agenda_events" USING btree ("series_id","recurrence_id");--> statement-breakpoint
CREATE INDEX "agenda_events_representation_idx" ON "agenda_events" USING btree ("org_id","starts_at") WHERE "agenda_events"."representing_official_id" is not null;--> statement-breakpoint
CREATE INDEX "agenda_invitations_org_answer_idx" ON "agenda_invitations" USING btree ("org_id","answer_by","id");--> statement-breakpoint
CREATE INDEX "agenda_invitations_org_status_idx" ON "agenda_invitations" USING btree ("org_id","status","answer_by","id");--> statement-breakpoint
CREATE INDEX "agenda_invitations_correspondence_idx" ON "agenda_invitations" USING btree ("org_id","correspondence_item_id");