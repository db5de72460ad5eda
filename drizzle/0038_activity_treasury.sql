CREATE TABLE "ledger_activity_totals" (
	"coop_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"account_number" varchar(12) NOT NULL,
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	"line_count" integer NOT NULL,
	CONSTRAINT "ledger_activity_totals_pk" PRIMARY KEY("coop_id","activity_id","account_number")
);
--> statement-breakpoint
ALTER TABLE "ledger_activity_totals" ADD CONSTRAINT "ledger_activity_totals_activity_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The stored totals grow in the transaction that posts the lines, one upsert a table per
-- statement, in key order so concurrent postings lock rows in the same order (no deadlock).
-- Same function as migration 0020, plus the all-time totals of each activity by account.
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
  INSERT INTO ledger_activity_totals AS t (coop_id, activity_id, account_number, debit_cents, credit_cents, line_count)
  SELECT coop_id, activity_id, account_number, sum(debit_cents), sum(credit_cents), count(*)
  FROM new_lines
  WHERE activity_id IS NOT NULL
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (coop_id, activity_id, account_number) DO UPDATE
    SET debit_cents = t.debit_cents + excluded.debit_cents,
        credit_cents = t.credit_cents + excluded.credit_cents,
        line_count = t.line_count + excluded.line_count;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Derived data: nobody removes it.
CREATE TRIGGER ledger_activity_totals_no_delete
  BEFORE DELETE OR TRUNCATE ON ledger_activity_totals
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
INSERT INTO ledger_activity_totals (coop_id, activity_id, account_number, debit_cents, credit_cents, line_count)
SELECT coop_id, activity_id, account_number, sum(debit_cents), sum(credit_cents), count(*)
FROM ledger_journal_entry_lines
WHERE activity_id IS NOT NULL
GROUP BY 1, 2, 3;
