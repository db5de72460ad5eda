CREATE TABLE "bank_accounts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"label" varchar(100) NOT NULL,
	"iban" varchar(34) NOT NULL,
	"other_id" varchar(34),
	"bic" varchar(11),
	"currency" varchar(3) DEFAULT 'EUR' NOT NULL,
	"ledger_account" varchar(12) DEFAULT '512' NOT NULL,
	"journal_code" varchar(8) DEFAULT 'BQ' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_accounts_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "bank_accounts_coop_iban_key" UNIQUE("coop_id","iban"),
	CONSTRAINT "bank_accounts_coop_other_id_key" UNIQUE("coop_id","other_id"),
	CONSTRAINT "bank_accounts_ledger_account_check" CHECK ("bank_accounts"."ledger_account" ~ '^512[0-9]{0,9}$'),
	CONSTRAINT "bank_accounts_currency_check" CHECK ("bank_accounts"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "bank_rules" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"label_contains" varchar(100) NOT NULL,
	"account" varchar(12) NOT NULL,
	"activity_id" uuid,
	"vat_rate_bp" integer,
	"third_party" varchar(100),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_rules_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "bank_rules_coop_label_key" UNIQUE("coop_id","label_contains")
);
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" DROP CONSTRAINT "bank_statement_lines_status_check";--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD COLUMN "entry_id" uuid;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD COLUMN "bank_account_id" uuid;--> statement-breakpoint
-- Every coop gets its settings IBAN as its main account, booked on 512 in BQ as before; a
-- statement imported for another IBAN gets an account of its own, so no statement is orphaned.
INSERT INTO "bank_accounts" ("coop_id", "label", "iban", "bic")
SELECT "id", 'Compte principal', upper(replace("iban", ' ', '')), nullif("bic", '') FROM "coops"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "bank_accounts" ("coop_id", "label", "iban")
SELECT DISTINCT s."coop_id", 'Compte ' || right(s."account_iban", 4), s."account_iban" FROM "bank_statements" s
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "bank_statements" s SET "bank_account_id" = a."id" FROM "bank_accounts" a
WHERE a."coop_id" = s."coop_id" AND a."iban" = s."account_iban";--> statement-breakpoint
ALTER TABLE "bank_statements" ALTER COLUMN "bank_account_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD COLUMN "currency" varchar(3) DEFAULT 'EUR' NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD COLUMN "opening_balance_cents" bigint;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD COLUMN "closing_balance_cents" bigint;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_coop_id_bank_account_id_bank_accounts_coop_id_id_fk" FOREIGN KEY ("coop_id","bank_account_id") REFERENCES "public"."bank_accounts"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_entry_check" CHECK (("bank_statement_lines"."status" = 'booked') = ("bank_statement_lines"."entry_id" is not null));--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_status_check" CHECK ("bank_statement_lines"."status" in ('unmatched', 'matched', 'ignored', 'booked'));