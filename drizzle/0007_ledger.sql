CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"number" varchar(12) NOT NULL,
	"label" varchar(200) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_coop_number_key" UNIQUE("coop_id","number"),
	CONSTRAINT "ledger_accounts_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "ledger_accounts_number_check" CHECK ("ledger_accounts"."number" ~ '^[1-8][0-9]{1,11}$'),
	CONSTRAINT "ledger_accounts_kind_check" CHECK ("ledger_accounts"."kind" in ('equity', 'asset', 'third_party', 'member', 'cash', 'expense', 'revenue'))
);
--> statement-breakpoint
CREATE TABLE "ledger_fiscal_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_fiscal_years_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "ledger_fiscal_years_dates_check" CHECK ("ledger_fiscal_years"."end_date" >= "ledger_fiscal_years"."start_date")
);
--> statement-breakpoint
CREATE TABLE "ledger_journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ledger_journal_entries_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"journal_code" varchar(4) NOT NULL,
	"entry_date" date NOT NULL,
	"label" varchar(300) NOT NULL,
	"source_type" varchar(40) NOT NULL,
	"source_id" uuid,
	"reverses_entry_id" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "ledger_journal_entries_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "ledger_journal_entries_coop_id_date_key" UNIQUE("coop_id","id","entry_date"),
	CONSTRAINT "ledger_journal_entries_coop_number_key" UNIQUE("coop_id","number"),
	CONSTRAINT "ledger_journal_entries_reverses_key" UNIQUE("coop_id","reverses_entry_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_journal_entry_lines" (
	"coop_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"line_no" smallint NOT NULL,
	"account_number" varchar(12) NOT NULL,
	"activity_id" uuid,
	"debit_cents" bigint DEFAULT 0 NOT NULL,
	"credit_cents" bigint DEFAULT 0 NOT NULL,
	"label" varchar(300),
	"entry_date" date NOT NULL,
	CONSTRAINT "ledger_journal_entry_lines_coop_id_entry_id_line_no_pk" PRIMARY KEY("coop_id","entry_id","line_no"),
	CONSTRAINT "ledger_lines_amounts_check" CHECK ("ledger_journal_entry_lines"."debit_cents" >= 0 and "ledger_journal_entry_lines"."credit_cents" >= 0 and ("ledger_journal_entry_lines"."debit_cents" > 0) <> ("ledger_journal_entry_lines"."credit_cents" > 0)),
	CONSTRAINT "ledger_lines_line_no_check" CHECK ("ledger_journal_entry_lines"."line_no" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ledger_journals" (
	"coop_id" uuid NOT NULL,
	"code" varchar(4) NOT NULL,
	"label" varchar(100) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_journals_coop_id_code_pk" PRIMARY KEY("coop_id","code"),
	CONSTRAINT "ledger_journals_code_check" CHECK ("ledger_journals"."code" ~ '^[A-Z]{2,4}$')
);
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ADD CONSTRAINT "ledger_journal_entries_journal_fk" FOREIGN KEY ("coop_id","journal_code") REFERENCES "public"."ledger_journals"("coop_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ADD CONSTRAINT "ledger_journal_entries_reverses_fk" FOREIGN KEY ("coop_id","reverses_entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_journal_entry_lines" ADD CONSTRAINT "ledger_lines_entry_fk" FOREIGN KEY ("coop_id","entry_id","entry_date") REFERENCES "public"."ledger_journal_entries"("coop_id","id","entry_date") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_journal_entry_lines" ADD CONSTRAINT "ledger_lines_account_fk" FOREIGN KEY ("coop_id","account_number") REFERENCES "public"."ledger_accounts"("coop_id","number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_journal_entry_lines" ADD CONSTRAINT "ledger_lines_activity_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_journal_entries_date_idx" ON "ledger_journal_entries" USING btree ("coop_id","entry_date","number");--> statement-breakpoint
CREATE INDEX "ledger_journal_entries_source_idx" ON "ledger_journal_entries" USING btree ("coop_id","source_type","source_id");