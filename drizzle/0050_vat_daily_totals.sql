CREATE TABLE "ledger_daily_vat_totals" (
	"coop_id" uuid NOT NULL,
	"day" date NOT NULL,
	"account_number" varchar(12) NOT NULL,
	"label" varchar(300),
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	"line_count" integer NOT NULL,
	CONSTRAINT "ledger_daily_vat_totals_key" UNIQUE NULLS NOT DISTINCT("coop_id","account_number","day","label"),
	CONSTRAINT "ledger_daily_vat_totals_account_check" CHECK ("ledger_daily_vat_totals"."account_number" like '445%')
);
--> statement-breakpoint
-- The VAT totals grow in the transaction that posts the lines, like the other kept totals
-- (ledger_totals_add), by a trigger of their own so that function stays as it is. Upserted in
-- key order: concurrent postings lock the rows in the same order and do not deadlock. Opening
-- entries are left out: they restate balances the earlier lines already make.
CREATE OR REPLACE FUNCTION ledger_vat_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_daily_vat_totals AS t (coop_id, account_number, day, label, debit_cents, credit_cents, line_count)
  SELECT n.coop_id, n.account_number, n.entry_date, n.label, sum(n.debit_cents), sum(n.credit_cents), count(*)
  FROM new_lines n
  WHERE n.account_number LIKE '445%'
    AND NOT EXISTS (SELECT 1 FROM ledger_journal_entries e WHERE e.coop_id = n.coop_id AND e.id = n.entry_id AND e.source_type = 'carried_forward')
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (coop_id, account_number, day, label) DO UPDATE
    SET debit_cents = t.debit_cents + excluded.debit_cents,
        credit_cents = t.credit_cents + excluded.credit_cents,
        line_count = t.line_count + excluded.line_count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_vat_totals
  AFTER INSERT ON ledger_journal_entry_lines
  REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_vat_totals_add();
--> statement-breakpoint
-- Derived data: nobody removes it.
CREATE TRIGGER ledger_daily_vat_totals_no_delete
  BEFORE DELETE OR TRUNCATE ON ledger_daily_vat_totals
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
INSERT INTO ledger_daily_vat_totals (coop_id, account_number, day, label, debit_cents, credit_cents, line_count)
SELECT l.coop_id, l.account_number, l.entry_date, l.label, sum(l.debit_cents), sum(l.credit_cents), count(*)
FROM ledger_journal_entry_lines l
WHERE l.account_number LIKE '445%'
  AND NOT EXISTS (SELECT 1 FROM ledger_journal_entries e WHERE e.coop_id = l.coop_id AND e.id = l.entry_id AND e.source_type = 'carried_forward')
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- The lines behind one box of a return (one rate of collected VAT: an account and a label; or
-- a whole account), in the order a page lists them: a page reads its keys from one of these
-- indexes and stops, where ledger_lines_vat_idx would walk every line of the period to sort it.
CREATE INDEX ledger_lines_vat_label_idx ON ledger_journal_entry_lines (coop_id, account_number, label, entry_date, entry_id, line_no)
  WHERE account_number LIKE '445%';
--> statement-breakpoint
CREATE INDEX ledger_lines_vat_date_idx ON ledger_journal_entry_lines (coop_id, account_number, entry_date, entry_id, line_no)
  WHERE account_number LIKE '445%';
