-- The shares of a shared activity add up to 100 % (10,000 basis points). Checked at commit
-- (deferred), so a transaction may rewrite the shares row by row.
CREATE OR REPLACE FUNCTION activity_members_check_shares() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total integer;
  v_coop uuid := coalesce(NEW.coop_id, OLD.coop_id);
  v_activity uuid := coalesce(NEW.activity_id, OLD.activity_id);
BEGIN
  SELECT coalesce(sum(share_bp), 0) INTO total FROM activity_members WHERE coop_id = v_coop AND activity_id = v_activity;
  IF total <> 0 AND total <> 10000 THEN
    RAISE EXCEPTION 'shares of activity % add up to % basis points, not 10000', v_activity, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'activity_members_shares_sum';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER activity_members_shares_sum AFTER INSERT OR UPDATE OR DELETE ON activity_members
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION activity_members_check_shares();
