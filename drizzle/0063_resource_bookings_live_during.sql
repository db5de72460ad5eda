-- The availability grid asks "what is live on any resource of the coop this week": a search on
-- time alone. The exclusion constraint's index leads with the resource, so that search visited
-- ~900 of its pages and ~640 heap pages for a week of 500 resources (bench/resource-availability.ts,
-- 1,000,000 bookings). Led by the time range and carrying the columns the grid reads, this one
-- answers from ~190 index pages and no heap page (an index-only scan).
CREATE INDEX "resource_bookings_live_during_idx" ON "resource_bookings" USING gist ("coop_id", "during") INCLUDE ("resource_id", "id", "member_id", "client_id") WHERE ("status" <> 'cancelled');
