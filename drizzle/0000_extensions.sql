-- Contrib extensions the schema relies on: btree_gist for exclusion constraints (no double
-- booking), pg_trgm and unaccent for searching names. PGlite loads them when passed at open.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
