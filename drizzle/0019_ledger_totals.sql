CREATE TABLE "ledger_daily_totals" (
	"coop_id" uuid NOT NULL,
	"day" date NOT NULL,
	"account_number" varchar(12) NOT NULL,
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	"line_count" integer NOT NULL,
	CONSTRAINT "ledger_daily_totals_pk" PRIMARY KEY("coop_id","day","account_number")
);
--> statement-breakpoint
CREATE TABLE "ledger_monthly_totals" (
	"coop_id" uuid NOT NULL,
	"month" date NOT NULL,
	"account_number" varchar(12) NOT NULL,
	"activity_id" uuid,
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	"line_count" integer NOT NULL,
	CONSTRAINT "ledger_monthly_totals_key" UNIQUE NULLS NOT DISTINCT("coop_id","month","account_number","activity_id"),
	CONSTRAINT "ledger_monthly_totals_month_check" CHECK (extract(day from "ledger_monthly_totals"."month") = 1)
);
--> statement-breakpoint
CREATE INDEX "ledger_monthly_totals_activity_idx" ON "ledger_monthly_totals" USING btree ("coop_id","activity_id","month");