-- A page's history is its record: a revision is never rewritten nor removed (restoring an old
-- version writes a new revision). The trigger holds it whatever the code does.
CREATE OR REPLACE FUNCTION kb_page_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kb_page_revisions rows are immutable' USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'kb_page_revisions_immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER kb_page_revisions_immutable BEFORE UPDATE OR DELETE ON kb_page_revisions FOR EACH ROW EXECUTE FUNCTION kb_page_revisions_immutable();
