-- An issued invoice is never changed nor deleted (CGI art. 242 nonies A, art. 289 I):
-- a mistake is corrected by a credit note. Only its payment follow-up moves (status,
-- paid_cents, updated_at). A trigger, not a grant, so it holds on PGlite too and whoever
-- writes the SQL.
CREATE OR REPLACE FUNCTION invoices_refuse_issued_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.number
        USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_issued_immutable';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    NEW.status = 'draft'
    OR (to_jsonb(NEW) - 'status' - 'paid_cents' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'paid_cents' - 'updated_at')
  ) THEN
    RAISE EXCEPTION 'invoice % is issued and cannot be changed', OLD.number
      USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_issued_immutable';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_issued_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_refuse_issued_change();
--> statement-breakpoint
-- The lines of an issued invoice are part of it: none is added, changed or removed.
CREATE OR REPLACE FUNCTION invoice_lines_refuse_issued_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_status text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status INTO v_status FROM invoices WHERE coop_id = OLD.coop_id AND id = OLD.invoice_id;
    IF v_status IS NOT NULL AND v_status <> 'draft' THEN
      RAISE EXCEPTION 'the lines of issued invoice % cannot be changed', OLD.invoice_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_issued_immutable';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT status INTO v_status FROM invoices WHERE coop_id = NEW.coop_id AND id = NEW.invoice_id;
    IF v_status IS NOT NULL AND v_status <> 'draft' THEN
      RAISE EXCEPTION 'the lines of issued invoice % cannot be changed', NEW.invoice_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_issued_immutable';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_issued_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION invoice_lines_refuse_issued_change();
