-- Custom SQL migration file, put your code below! --
-- The stored totals grow in the transaction that posts the lines, one upsert a table per
-- statement. Rows are upserted in key order, so concurrent postings lock them in the same
-- order and do not deadlock on each other.
CREATE OR REPLACE FUNCTION ledger_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_monthly_totals AS t (coop_id, month, account_number, activity_id, debit_cents, credit_cents, line_count)
  SELECT coop_id, date_trunc('month', entry_date)::date, account_number, activity_id, sum(debit_cents), sum(credit_cents), count(*)
  FROM new_lines
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (coop_id, month, account_number, activity_id) DO UPDATE
    SET debit_cents = t.debit_cents + excluded.debit_cents,
        credit_cents = t.credit_cents + excluded.credit_cents,
        line_count = t.line_count + excluded.line_count;
  INSERT INTO ledger_daily_totals AS t (coop_id, day, account_number, debit_cents, credit_cents, line_count)
  SELECT coop_id, entry_date, account_number, sum(debit_cents), sum(credit_cents), count(*)
  FROM new_lines
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (coop_id, day, account_number) DO UPDATE
    SET debit_cents = t.debit_cents + excluded.debit_cents,
        credit_cents = t.credit_cents + excluded.credit_cents,
        line_count = t.line_count + excluded.line_count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_totals
  AFTER INSERT ON ledger_journal_entry_lines
  REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_add();
--> statement-breakpoint
-- The totals are derived data: nobody removes them.
CREATE TRIGGER ledger_monthly_totals_no_delete
  BEFORE DELETE OR TRUNCATE ON ledger_monthly_totals
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_daily_totals_no_delete
  BEFORE DELETE OR TRUNCATE ON ledger_daily_totals
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
INSERT INTO ledger_monthly_totals (coop_id, month, account_number, activity_id, debit_cents, credit_cents, line_count)
SELECT coop_id, date_trunc('month', entry_date)::date, account_number, activity_id, sum(debit_cents), sum(credit_cents), count(*)
FROM ledger_journal_entry_lines
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO ledger_daily_totals (coop_id, day, account_number, debit_cents, credit_cents, line_count)
SELECT coop_id, entry_date, account_number, sum(debit_cents), sum(credit_cents), count(*)
FROM ledger_journal_entry_lines
GROUP BY 1, 2, 3;
