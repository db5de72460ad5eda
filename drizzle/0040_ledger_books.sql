CREATE TABLE "ledger_auxiliary_accounts" (
	"coop_id" uuid NOT NULL,
	"number" varchar(17) NOT NULL,
	"label" varchar(200) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"party_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_auxiliary_accounts_coop_id_number_pk" PRIMARY KEY("coop_id","number"),
	CONSTRAINT "ledger_auxiliary_accounts_party_key" UNIQUE("coop_id","kind","party_id"),
	CONSTRAINT "ledger_auxiliary_accounts_number_check" CHECK ("ledger_auxiliary_accounts"."number" ~ '^[CF][0-9]{5,16}$'),
	CONSTRAINT "ledger_auxiliary_accounts_kind_check" CHECK ("ledger_auxiliary_accounts"."kind" in ('client', 'supplier'))
);
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ADD COLUMN "document_ref" varchar(40);--> statement-breakpoint
ALTER TABLE "ledger_journal_entry_lines" ADD COLUMN "auxiliary_number" varchar(17);--> statement-breakpoint
ALTER TABLE "ledger_journal_entry_lines" ADD COLUMN "lettering_key" uuid;--> statement-breakpoint
ALTER TABLE "ledger_journal_entry_lines" ADD CONSTRAINT "ledger_lines_auxiliary_fk" FOREIGN KEY ("coop_id","auxiliary_number") REFERENCES "public"."ledger_auxiliary_accounts"("coop_id","number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_journal_entries_opening_key" ON "ledger_journal_entries" USING btree ("coop_id","fiscal_year_id") WHERE "ledger_journal_entries"."source_type" = 'carried_forward' and "ledger_journal_entries"."reverses_entry_id" is null;--> statement-breakpoint
CREATE INDEX "ledger_lines_lettering_idx" ON "ledger_journal_entry_lines" USING btree ("coop_id","lettering_key") WHERE "ledger_journal_entry_lines"."lettering_key" is not null;--> statement-breakpoint
-- The opening entries' journal (à-nouveaux), kept by every coop that has a ledger already.
INSERT INTO "ledger_journals" ("coop_id", "code", "label")
SELECT DISTINCT "coop_id", 'AN', 'À-nouveaux' FROM "ledger_journals"
ON CONFLICT ("coop_id", "code") DO NOTHING;
--> statement-breakpoint
-- Auxiliary accounts for the clients already on 411, numbered C00001… per coop in the order
-- of their first entry. The client is known from the entry's source: the invoice or credit
-- note (its client), or the payment (its client). A reversal keeps its entry's source.
INSERT INTO "ledger_auxiliary_accounts" ("coop_id", "number", "label", "kind", "party_id")
SELECT x."coop_id",
       'C' || repeat('0', greatest(0, 5 - length(x."n"::text))) || x."n"::text,
       left(c."name", 200), 'client', x."client_id"
FROM (
  SELECT y.*, row_number() OVER (PARTITION BY y."coop_id" ORDER BY y."first_posted", y."client_id") AS "n"
  FROM (
    SELECT e."coop_id", coalesce(i."client_id", p."client_id") AS "client_id", min(e."posted_at") AS "first_posted"
    FROM "ledger_journal_entries" e
    LEFT JOIN "invoices" i ON e."source_type" IN ('invoice', 'credit_note') AND i."coop_id" = e."coop_id" AND i."id" = e."source_id"
    LEFT JOIN "payments" p ON e."source_type" = 'payment' AND p."coop_id" = e."coop_id" AND p."id" = e."source_id"
    WHERE coalesce(i."client_id", p."client_id") IS NOT NULL
      AND EXISTS (SELECT 1 FROM "ledger_journal_entry_lines" l WHERE l."coop_id" = e."coop_id" AND l."entry_id" = e."id" AND l."account_number" = '411')
    GROUP BY 1, 2
  ) y
) x
JOIN "clients" c ON c."coop_id" = x."coop_id" AND c."id" = x."client_id";
--> statement-breakpoint
INSERT INTO "number_series" ("coop_id", "series", "last_number")
SELECT "coop_id", 'ledger-aux:client', count(*) FROM "ledger_auxiliary_accounts" WHERE "kind" = 'client' GROUP BY "coop_id"
ON CONFLICT ("coop_id", "series") DO UPDATE SET "last_number" = greatest("number_series"."last_number", excluded."last_number");
--> statement-breakpoint
-- Posted lines are append-only (migration ledger_integrity). This one-time backfill adds only
-- who a 411 line concerns and which invoice it belongs to, both read from the entry's own
-- source; no amount, account, date or label moves. The guard is lifted inside this migration's
-- transaction only, and put back right after.
ALTER TABLE "ledger_journal_entry_lines" DISABLE TRIGGER "ledger_journal_entry_lines_immutable";
--> statement-breakpoint
UPDATE "ledger_journal_entry_lines" l
SET "auxiliary_number" = a."number",
    "lettering_key" = CASE e."source_type"
      WHEN 'invoice' THEN e."source_id"
      WHEN 'credit_note' THEN i."credited_invoice_id"
      -- A payment's 411 lines are one per invoice settled, labelled with its number.
      ELSE (SELECT pa."invoice_id" FROM "payment_allocations" pa
            WHERE pa."coop_id" = l."coop_id" AND pa."payment_id" = e."source_id" AND pa."invoice_number" = l."label" LIMIT 1)
    END
FROM "ledger_journal_entries" e
LEFT JOIN "invoices" i ON e."source_type" IN ('invoice', 'credit_note') AND i."coop_id" = e."coop_id" AND i."id" = e."source_id"
LEFT JOIN "payments" p ON e."source_type" = 'payment' AND p."coop_id" = e."coop_id" AND p."id" = e."source_id"
JOIN "ledger_auxiliary_accounts" a ON a."coop_id" = e."coop_id" AND a."kind" = 'client' AND a."party_id" = coalesce(i."client_id", p."client_id")
WHERE l."coop_id" = e."coop_id" AND l."entry_id" = e."id" AND l."account_number" = '411';
--> statement-breakpoint
ALTER TABLE "ledger_journal_entry_lines" ENABLE TRIGGER "ledger_journal_entry_lines_immutable";
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" DISABLE TRIGGER "ledger_journal_entries_immutable";
--> statement-breakpoint
-- The document number of the entries of issued invoices and credit notes (the FEC's PieceRef).
UPDATE "ledger_journal_entries" e SET "document_ref" = i."number"
FROM "invoices" i
WHERE e."source_type" IN ('invoice', 'credit_note') AND i."coop_id" = e."coop_id" AND i."id" = e."source_id" AND i."number" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ENABLE TRIGGER "ledger_journal_entries_immutable";
--> statement-breakpoint
-- An opening entry (à-nouveaux, source 'carried_forward', posted by the year closing) restates, on the first day of a year, the
-- balances the earlier entries already lead to. Every balance the platform computes is
-- cumulative from the first entry (an activity's treasury, an account's balance at a date), so
-- the stored totals leave the opening entries out: counted, they would double every balance
-- carried forward. They stay in the journal, the entries list and the FEC.
CREATE OR REPLACE FUNCTION ledger_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_monthly_totals AS t (coop_id, month, account_number, activity_id, debit_cents, credit_cents, line_count)
  SELECT n.coop_id, date_trunc('month', n.entry_date)::date, n.account_number, n.activity_id, sum(n.debit_cents), sum(n.credit_cents), count(*)
  FROM new_lines n
  WHERE NOT EXISTS (SELECT 1 FROM ledger_journal_entries e WHERE e.coop_id = n.coop_id AND e.id = n.entry_id AND e.source_type = 'carried_forward')
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (coop_id, month, account_number, activity_id) DO UPDATE
    SET debit_cents = t.debit_cents + excluded.debit_cents,
        credit_cents = t.credit_cents + excluded.credit_cents,
        line_count = t.line_count + excluded.line_count;
  INSERT INTO ledger_daily_totals AS t (coop_id, day, account_number, debit_cents, credit_cents, line_count)
  SELECT n.coop_id, n.entry_date, n.account_number, sum(n.debit_cents), sum(n.credit_cents), count(*)
  FROM new_lines n
  WHERE NOT EXISTS (SELECT 1 FROM ledger_journal_entries e WHERE e.coop_id = n.coop_id AND e.id = n.entry_id AND e.source_type = 'carried_forward')
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (coop_id, day, account_number) DO UPDATE
    SET debit_cents = t.debit_cents + excluded.debit_cents,
        credit_cents = t.credit_cents + excluded.credit_cents,
        line_count = t.line_count + excluded.line_count;
  -- The all-time totals of each activity by account (migration activity_treasury), kept here too.
  INSERT INTO ledger_activity_totals AS t (coop_id, activity_id, account_number, debit_cents, credit_cents, line_count)
  SELECT n.coop_id, n.activity_id, n.account_number, sum(n.debit_cents), sum(n.credit_cents), count(*)
  FROM new_lines n
  WHERE n.activity_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_journal_entries e WHERE e.coop_id = n.coop_id AND e.id = n.entry_id AND e.source_type = 'carried_forward')
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (coop_id, activity_id, account_number) DO UPDATE
    SET debit_cents = t.debit_cents + excluded.debit_cents,
        credit_cents = t.credit_cents + excluded.credit_cents,
        line_count = t.line_count + excluded.line_count;
  RETURN NULL;
END $$;
