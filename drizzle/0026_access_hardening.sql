CREATE TABLE "password_reset_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coop_roles" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "password_reset_requests_requested_idx" ON "password_reset_requests" USING btree ("requested_at");--> statement-breakpoint
-- Roles of people who already log in were accepted (given before invitations waited for an answer); those of people without a password wait for their invitation.
UPDATE "coop_roles" SET "accepted_at" = "created_at" WHERE "user_id" IN (SELECT "id" FROM "users" WHERE "password_hash" IS NOT NULL);
