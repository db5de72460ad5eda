-- One table of counters for every gap-free series (src/platform/numbering/take-next-number.ts).
CREATE TABLE "number_series" (
	"coop_id" uuid NOT NULL,
	"series" varchar(64) NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "number_series_coop_id_series_pk" PRIMARY KEY("coop_id","series"),
	CONSTRAINT "number_series_last_number_check" CHECK ("number_series"."last_number" >= 1)
);
--> statement-breakpoint
-- The invoice and quote counters move at the value they reached: the next document takes the
-- next number, with no gap and no reuse.
INSERT INTO "number_series" ("coop_id", "series", "last_number")
SELECT "coop_id", 'invoice:' || "series_key", "last_seq" FROM "invoice_series";
--> statement-breakpoint
INSERT INTO "number_series" ("coop_id", "series", "last_number")
SELECT "coop_id", 'quote:' || "series_key", "last_seq" FROM "quote_series";
--> statement-breakpoint
DROP TABLE "invoice_series";
--> statement-breakpoint
DROP TABLE "quote_series";
--> statement-breakpoint
-- Journal entries were numbered by one sequence shared by every coop, with gaps after a
-- rollback. They are numbered again 1, 2, 3… per coop and fiscal year in the order they were
-- posted (the old number), and the series goes on from there.
ALTER TABLE "ledger_journal_entries" DROP CONSTRAINT "ledger_journal_entries_coop_number_key";
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ALTER COLUMN "number" DROP IDENTITY;
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ALTER COLUMN "number" SET DATA TYPE integer;
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ADD COLUMN "fiscal_year_id" uuid;
--> statement-breakpoint
-- Posted entries refuse every UPDATE (0008_ledger_integrity); this one-time renumbering is the
-- exception, inside this migration's transaction only.
ALTER TABLE "ledger_journal_entries" DISABLE TRIGGER "ledger_journal_entries_immutable";
--> statement-breakpoint
UPDATE "ledger_journal_entries" AS e
SET "fiscal_year_id" = r."fiscal_year_id", "number" = r."number"
FROM (
  SELECT x."coop_id", x."id", y."id" AS "fiscal_year_id",
         row_number() OVER (PARTITION BY x."coop_id", y."id" ORDER BY x."number") AS "number"
  FROM "ledger_journal_entries" x
  JOIN "ledger_fiscal_years" y ON y."coop_id" = x."coop_id" AND x."entry_date" BETWEEN y."start_date" AND y."end_date"
) AS r
WHERE e."coop_id" = r."coop_id" AND e."id" = r."id";
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ENABLE TRIGGER "ledger_journal_entries_immutable";
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ALTER COLUMN "fiscal_year_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ADD CONSTRAINT "ledger_journal_entries_fiscal_year_fk" FOREIGN KEY ("coop_id","fiscal_year_id") REFERENCES "public"."ledger_fiscal_years"("coop_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ADD CONSTRAINT "ledger_journal_entries_year_number_key" UNIQUE("coop_id","fiscal_year_id","number");
--> statement-breakpoint
INSERT INTO "number_series" ("coop_id", "series", "last_number")
SELECT "coop_id", 'ledger:' || "fiscal_year_id", max("number") FROM "ledger_journal_entries" GROUP BY "coop_id", "fiscal_year_id";
--> statement-breakpoint
-- An entry is dated inside an open fiscal year, and names that year (its numbering series).
-- FOR SHARE on the year row: closing it (an UPDATE) waits for the postings under way, and a
-- posting waits for a closing.
CREATE OR REPLACE FUNCTION ledger_entries_check_fiscal_year() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
  v_closed timestamptz;
BEGIN
  SELECT id, closed_at INTO v_id, v_closed FROM ledger_fiscal_years
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
  IF NEW.fiscal_year_id IS DISTINCT FROM v_id THEN
    RAISE EXCEPTION 'the entry dated % names another fiscal year than the one holding it', NEW.entry_date
      USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_in_fiscal_year';
  END IF;
  RETURN NEW;
END;
$$;
