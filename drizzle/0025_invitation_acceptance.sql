ALTER TABLE "coop_roles" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
-- Roles of people who already log in were accepted (given before invitations waited for an answer); those of people without a password wait for their invitation.
UPDATE "coop_roles" SET "accepted_at" = "created_at" WHERE "user_id" IN (SELECT "id" FROM "users" WHERE "password_hash" IS NOT NULL);
