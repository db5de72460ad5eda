ALTER TABLE "workclub_external_participants" ADD COLUMN "link_revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workclub_sessions" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workclub_sessions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "workclub_sessions" ADD CONSTRAINT "workclub_sessions_sequence_check" CHECK ("workclub_sessions"."sequence" >= 0);