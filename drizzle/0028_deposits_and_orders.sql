ALTER TABLE "invoices" ADD COLUMN "order_reference" jsonb;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vat_split" jsonb;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "deducted_deposits" jsonb;--> statement-breakpoint
-- Deposit invoices post to 4191 from now on: the coops whose chart was already set up get the
-- account too (ensureChartOfAccounts adds it for the others, and is idempotent).
INSERT INTO "ledger_accounts" ("coop_id", "number", "label", "kind")
SELECT DISTINCT "coop_id", '4191', 'Clients – avances et acomptes reçus sur commandes', 'third_party'
FROM "ledger_accounts" WHERE "number" = '411'
ON CONFLICT ("coop_id", "number") DO NOTHING;
