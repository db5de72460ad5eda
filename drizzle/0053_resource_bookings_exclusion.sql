-- No two live bookings of one resource overlap, whoever books and however many click at once:
-- the database refuses the second (SQLSTATE 23P01), which the booking route answers as a 409.
-- Its gist index also serves the availability query (resource × time range).
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_no_overlap" EXCLUDE USING gist ("coop_id" WITH =, "resource_id" WITH =, "during" WITH &&) WHERE ("status" <> 'cancelled');
--> statement-breakpoint
CREATE INDEX "resource_unavailabilities_during_idx" ON "resource_unavailabilities" USING gist ("coop_id", "resource_id", "during");
