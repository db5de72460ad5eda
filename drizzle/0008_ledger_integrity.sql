-- Double entry is enforced by the database, not only by the code: at commit, every entry
-- touched by the transaction has at least two lines and its debits equal its credits
-- (PCG art. 911-1). Deferred, so an entry and its lines are written in any order.
CREATE OR REPLACE FUNCTION ledger_assert_entry_balanced(v_coop uuid, v_entry uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_lines integer;
  v_debit bigint;
  v_credit bigint;
BEGIN
  SELECT count(*), coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0) INTO v_lines, v_debit, v_credit
    FROM ledger_journal_entry_lines WHERE coop_id = v_coop AND entry_id = v_entry;
  IF v_lines < 2 OR v_debit <> v_credit THEN
    RAISE EXCEPTION 'journal entry % is unbalanced: % lines, debit % <> credit %', v_entry, v_lines, v_debit, v_credit
      USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_balanced';
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_entries_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_assert_entry_balanced(NEW.coop_id, NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_lines_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_assert_entry_balanced(NEW.coop_id, NEW.entry_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON ledger_journal_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entries_check_balanced();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER journal_entry_lines_balanced AFTER INSERT ON ledger_journal_entry_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_lines_check_balanced();
--> statement-breakpoint
-- A posted entry is never changed or deleted (PCG art. 911-4, "intangibilité"): a mistake
-- is corrected by a reversing entry. A trigger, not a grant, so it holds on PGlite too.
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: post a reversing entry instead', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'journal_entries_immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_journal_entries_immutable BEFORE UPDATE OR DELETE ON ledger_journal_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_journal_entries_no_truncate BEFORE TRUNCATE ON ledger_journal_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_journal_entry_lines_immutable BEFORE UPDATE OR DELETE ON ledger_journal_entry_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_journal_entry_lines_no_truncate BEFORE TRUNCATE ON ledger_journal_entry_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- An entry is dated inside an open fiscal year. FOR SHARE on the year row: closing it
-- (an UPDATE) waits for the postings under way, and a posting waits for a closing.
CREATE OR REPLACE FUNCTION ledger_entries_check_fiscal_year() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_closed timestamptz;
BEGIN
  SELECT closed_at INTO v_closed FROM ledger_fiscal_years
    WHERE coop_id = NEW.coop_id AND start_date <= NEW.entry_date AND end_date >= NEW.entry_date
    FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no fiscal year holds %', NEW.entry_date
      USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_in_fiscal_year';
  END IF;
  IF v_closed IS NOT NULL THEN
    RAISE EXCEPTION 'the fiscal year holding % is closed', NEW.entry_date
      USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_fiscal_year_open';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_journal_entries_fiscal_year BEFORE INSERT ON ledger_journal_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_check_fiscal_year();
--> statement-breakpoint
-- A closed fiscal year is final: never reopened, changed or removed. An open one keeps its
-- dates (entries were checked against them) and is removed only while it holds no entry.
CREATE OR REPLACE FUNCTION ledger_fiscal_years_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.closed_at IS NOT NULL THEN
    RAISE EXCEPTION 'fiscal year % is closed', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_fiscal_years_closed_final';
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM ledger_journal_entries WHERE coop_id = OLD.coop_id AND entry_date BETWEEN OLD.start_date AND OLD.end_date) THEN
      RAISE EXCEPTION 'fiscal year % holds entries', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_fiscal_years_closed_final';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.coop_id <> OLD.coop_id OR NEW.start_date <> OLD.start_date OR NEW.end_date <> OLD.end_date THEN
    RAISE EXCEPTION 'the dates of fiscal year % do not change', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_fiscal_years_closed_final';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_fiscal_years_guard BEFORE UPDATE OR DELETE ON ledger_fiscal_years
  FOR EACH ROW EXECUTE FUNCTION ledger_fiscal_years_guard();
--> statement-breakpoint
ALTER TABLE ledger_fiscal_years ADD CONSTRAINT ledger_fiscal_years_no_overlap
  EXCLUDE USING gist (coop_id WITH =, daterange(start_date, end_date, '[]') WITH &&);
--> statement-breakpoint
-- Balances by activity and by account read these indexes alone (index-only scans), which
-- keeps the activity treasury and the trial balance fast at millions of lines.
CREATE INDEX ledger_lines_activity_idx ON ledger_journal_entry_lines (coop_id, activity_id, account_number, entry_date)
  INCLUDE (debit_cents, credit_cents);
--> statement-breakpoint
CREATE INDEX ledger_lines_account_idx ON ledger_journal_entry_lines (coop_id, account_number, entry_date)
  INCLUDE (debit_cents, credit_cents);
