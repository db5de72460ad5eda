DROP INDEX "members_coop_status_idx";--> statement-breakpoint
DROP INDEX "members_coop_name_idx";--> statement-breakpoint
CREATE INDEX "member_documents_kind_idx" ON "member_documents" USING btree ("coop_id","kind","year","member_id","signed_on");--> statement-breakpoint
CREATE INDEX "members_coop_status_idx" ON "members" USING btree ("coop_id","status","membership_type","id");--> statement-breakpoint
CREATE INDEX "members_coop_name_idx" ON "members" USING btree ("coop_id","last_name","first_name","id");