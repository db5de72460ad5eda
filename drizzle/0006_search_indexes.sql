-- People type names without their accents ("eti" for "Étienne") and the lists search them
-- through unaccent(). unaccent() is only STABLE (its dictionary could be changed), so no index
-- may use it; this IMMUTABLE wrapper names the dictionary, so an index and a query compute
-- the same text. Queries must use exactly the indexed expressions for the indexes to apply.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.unaccent('public.unaccent'::regdictionary, $1)
$$;
--> statement-breakpoint
-- Members: one text of name, e-mail and company, searched with LIKE '%…%' (list-members.ts).
CREATE INDEX "members_search_idx" ON "members" USING gin (f_unaccent(lower("first_name" || ' ' || "last_name" || ' ' || "email" || ' ' || coalesce("company_name", ''))) gin_trgm_ops);
--> statement-breakpoint
-- Activities: by name whatever the accents, or by a fragment of the analytic code (list-activities.ts).
CREATE INDEX "activities_name_search_idx" ON "activities" USING gin (f_unaccent("name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "activities_code_search_idx" ON "activities" USING gin ("code" gin_trgm_ops);
--> statement-breakpoint
-- Clients: by name whatever the accents, by e-mail, by a fragment of the SIREN (list-clients.ts).
CREATE INDEX "clients_name_search_idx" ON "clients" USING gin (f_unaccent("name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "clients_email_search_idx" ON "clients" USING gin ("email" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "clients_siren_search_idx" ON "clients" USING gin ("siren" gin_trgm_ops);
--> statement-breakpoint
-- The client list reads in French alphabetical order (É with E) a page at a time: this index
-- gives the pages in that order without sorting every client, and counts the clients that
-- are not archived (the default list) without reading the table.
CREATE INDEX "clients_coop_sort_idx" ON "clients" ("coop_id", lower(f_unaccent("name")), "id") WHERE "archived_at" IS NULL;
