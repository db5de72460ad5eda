-- One waiting position per event: deferred to the commit, so that promoting the first person
-- or removing one from the list renumbers the rest (position - 1) in one statement without
-- tripping over the row being moved.
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_waiting_position_key" UNIQUE ("coop_id", "event_id", "waiting_position") DEFERRABLE INITIALLY DEFERRED;
