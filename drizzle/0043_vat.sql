CREATE TABLE "vat_returns" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_key" varchar(7) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"boxes" jsonb NOT NULL,
	"entry_id" uuid NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vat_returns_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "vat_returns_period_key" UNIQUE("coop_id","period_start"),
	CONSTRAINT "vat_returns_period_check" CHECK ("vat_returns"."period_start" <= "vat_returns"."period_end")
);
--> statement-breakpoint
CREATE TABLE "vat_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"regime" varchar(8) DEFAULT 'debits' NOT NULL,
	"periodicity" varchar(10) DEFAULT 'monthly' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vat_settings_regime_check" CHECK ("vat_settings"."regime" in ('debits', 'receipts')),
	CONSTRAINT "vat_settings_periodicity_check" CHECK ("vat_settings"."periodicity" in ('monthly', 'quarterly'))
);
--> statement-breakpoint
ALTER TABLE "vat_returns" ADD CONSTRAINT "vat_returns_entry_fk" FOREIGN KEY ("coop_id","entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vat_settings" ADD CONSTRAINT "vat_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The VAT accounts of the return and of VAT on receipts, opened in the chart of every coop that
-- exists already; new coops get them from the default chart. An account a coop already has is
-- left as it is. Existing coops have no vat_settings row: they stay on debits, as before.
INSERT INTO "ledger_accounts" ("coop_id", "number", "label", "kind")
SELECT c."id", a."number", a."label", a."kind"
FROM "coops" c
CROSS JOIN (VALUES
  ('44551', 'TVA à décaisser', 'third_party'),
  ('44562', 'TVA déductible sur immobilisations', 'third_party'),
  ('44567', 'Crédit de TVA à reporter', 'third_party'),
  ('44574', 'TVA collectée à régulariser (en attente d''encaissement)', 'third_party')
) AS a("number", "label", "kind")
WHERE EXISTS (SELECT 1 FROM "ledger_accounts" l WHERE l."coop_id" = c."id")
ON CONFLICT ("coop_id", "number") DO NOTHING;
--> statement-breakpoint
-- The VAT return groups a period's lines on the VAT accounts by label (the rate): this index
-- holds them with their amounts, so the summary of a quarter is an index-only scan of the
-- VAT lines alone, never a visit of the whole ledger's heap.
CREATE INDEX ledger_lines_vat_idx ON ledger_journal_entry_lines (coop_id, account_number, entry_date)
  INCLUDE (label, debit_cents, credit_cents) WHERE account_number LIKE '445%';
