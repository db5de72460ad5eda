CREATE TABLE "advance_fund_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"fee_rate_bp" integer DEFAULT 200 NOT NULL,
	"ceiling_revenue_share_bp" integer DEFAULT 2500 NOT NULL,
	"ceiling_max_cents" bigint DEFAULT 1000000 NOT NULL,
	"max_invoice_share_bp" integer DEFAULT 8000 NOT NULL,
	"min_balance_cents" bigint DEFAULT 0 NOT NULL,
	"write_off_after_days" integer DEFAULT 90 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advance_fund_settings_fee_check" CHECK ("advance_fund_settings"."fee_rate_bp" between 0 and 2000),
	CONSTRAINT "advance_fund_settings_ceiling_share_check" CHECK ("advance_fund_settings"."ceiling_revenue_share_bp" between 0 and 10000),
	CONSTRAINT "advance_fund_settings_ceiling_max_check" CHECK ("advance_fund_settings"."ceiling_max_cents" between 0 and 100000000),
	CONSTRAINT "advance_fund_settings_invoice_share_check" CHECK ("advance_fund_settings"."max_invoice_share_bp" between 0 and 10000),
	CONSTRAINT "advance_fund_settings_min_balance_check" CHECK ("advance_fund_settings"."min_balance_cents" between 0 and 1000000000),
	CONSTRAINT "advance_fund_settings_write_off_check" CHECK ("advance_fund_settings"."write_off_after_days" between 30 and 730)
);
--> statement-breakpoint
CREATE TABLE "advance_settlements" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"advance_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"entry_id" uuid NOT NULL,
	"reversal_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advance_settlements_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "advance_settlements_payment_key" UNIQUE("coop_id","advance_id","payment_id"),
	CONSTRAINT "advance_settlements_amount_check" CHECK ("advance_settlements"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "advances" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"settled_cents" bigint DEFAULT 0 NOT NULL,
	"invoice_paid_at_advance_cents" bigint DEFAULT 0 NOT NULL,
	"written_off_cents" bigint DEFAULT 0 NOT NULL,
	"status" varchar(16) DEFAULT 'requested' NOT NULL,
	"reason" varchar(1000),
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"paid_entry_id" uuid,
	"written_off_by" uuid,
	"written_off_at" timestamp with time zone,
	"write_off_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advances_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "advances_status_check" CHECK ("advances"."status" in ('requested', 'approved', 'refused', 'paid', 'settled', 'written_off')),
	CONSTRAINT "advances_amount_check" CHECK ("advances"."amount_cents" between 1 and 100000000),
	CONSTRAINT "advances_fee_check" CHECK ("advances"."fee_cents" >= 0 and "advances"."fee_cents" <= "advances"."amount_cents"),
	CONSTRAINT "advances_settled_check" CHECK ("advances"."settled_cents" >= 0 and "advances"."written_off_cents" >= 0 and "advances"."settled_cents" + "advances"."written_off_cents" <= "advances"."amount_cents"),
	CONSTRAINT "advances_paid_check" CHECK (("advances"."status" in ('paid', 'settled', 'written_off')) = ("advances"."paid_entry_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "loan_installments" (
	"coop_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"month" varchar(7) NOT NULL,
	"due_date" date NOT NULL,
	"principal_cents" bigint NOT NULL,
	"interest_cents" bigint NOT NULL,
	"entry_id" uuid,
	"posted_at" timestamp with time zone,
	CONSTRAINT "loan_installments_coop_id_loan_id_seq_pk" PRIMARY KEY("coop_id","loan_id","seq"),
	CONSTRAINT "loan_installments_entry_key" UNIQUE("coop_id","entry_id"),
	CONSTRAINT "loan_installments_amounts_check" CHECK ("loan_installments"."principal_cents" >= 0 and "loan_installments"."interest_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"principal_cents" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"installment_count" integer NOT NULL,
	"start_month" varchar(7) NOT NULL,
	"grant_date" date NOT NULL,
	"note" varchar(1000),
	"granted_by" uuid NOT NULL,
	"grant_entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loans_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "loans_kind_check" CHECK ("loans"."kind" in ('micro_credit', 'treasury', 'subsidy_prefinancing')),
	CONSTRAINT "loans_principal_check" CHECK ("loans"."principal_cents" between 100 and 100000000),
	CONSTRAINT "loans_rate_check" CHECK ("loans"."rate_bp" between 0 and 2000),
	CONSTRAINT "loans_installments_check" CHECK ("loans"."installment_count" between 1 and 120),
	CONSTRAINT "loans_start_month_check" CHECK ("loans"."start_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "advance_fund_settings" ADD CONSTRAINT "advance_fund_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_settlements" ADD CONSTRAINT "advance_settlements_coop_id_advance_id_advances_coop_id_id_fk" FOREIGN KEY ("coop_id","advance_id") REFERENCES "public"."advances"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_settlements" ADD CONSTRAINT "advance_settlements_coop_id_entry_id_ledger_journal_entries_coop_id_id_fk" FOREIGN KEY ("coop_id","entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_settlements" ADD CONSTRAINT "advance_settlements_coop_id_reversal_entry_id_ledger_journal_entries_coop_id_id_fk" FOREIGN KEY ("coop_id","reversal_entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_coop_id_paid_entry_id_ledger_journal_entries_coop_id_id_fk" FOREIGN KEY ("coop_id","paid_entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_coop_id_write_off_entry_id_ledger_journal_entries_coop_id_id_fk" FOREIGN KEY ("coop_id","write_off_entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_installments" ADD CONSTRAINT "loan_installments_coop_id_loan_id_loans_coop_id_id_fk" FOREIGN KEY ("coop_id","loan_id") REFERENCES "public"."loans"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_installments" ADD CONSTRAINT "loan_installments_coop_id_entry_id_ledger_journal_entries_coop_id_id_fk" FOREIGN KEY ("coop_id","entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_coop_id_grant_entry_id_ledger_journal_entries_coop_id_id_fk" FOREIGN KEY ("coop_id","grant_entry_id") REFERENCES "public"."ledger_journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advances_open_invoice_key" ON "advances" USING btree ("coop_id","invoice_id") WHERE "advances"."status" in ('requested', 'approved', 'paid');--> statement-breakpoint
CREATE INDEX "advances_activity_idx" ON "advances" USING btree ("coop_id","activity_id");--> statement-breakpoint
CREATE INDEX "advances_member_idx" ON "advances" USING btree ("coop_id","member_id");--> statement-breakpoint
CREATE INDEX "loan_installments_due_idx" ON "loan_installments" USING btree ("due_date") WHERE "loan_installments"."entry_id" is null;--> statement-breakpoint
CREATE INDEX "loans_activity_idx" ON "loans" USING btree ("coop_id","activity_id");