ALTER TABLE "coop_roles" DROP CONSTRAINT "coop_roles_role_check";--> statement-breakpoint
DROP INDEX "members_coop_name_idx";--> statement-breakpoint
CREATE INDEX "members_coop_name_idx" ON "members" USING btree ("coop_id",lower(f_unaccent("last_name")),lower(f_unaccent("first_name")),"id");--> statement-breakpoint
ALTER TABLE "coop_roles" ADD CONSTRAINT "coop_roles_role_check" CHECK ("coop_roles"."role" in ('admin', 'staff', 'accountant', 'member'));