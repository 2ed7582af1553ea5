CREATE TABLE "erasure_suppression_keys" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasure_suppressions" (
	"org_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "erasure_suppressions_org_id_key_hash_pk" PRIMARY KEY("org_id","key_hash")
);
--> statement-breakpoint
ALTER TABLE "erasure_suppression_keys" ADD CONSTRAINT "erasure_suppression_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_suppressions" ADD CONSTRAINT "erasure_suppressions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;