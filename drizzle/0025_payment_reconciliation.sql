CREATE TABLE "payment_remittances" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"date" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"cheque_count" integer NOT NULL,
	"bank_line_id" uuid,
	"clearing_entry_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_remittances_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "payment_remittances_coop_number_key" UNIQUE("coop_id","number"),
	CONSTRAINT "payment_remittances_total_check" CHECK ("payment_remittances"."total_cents" > 0 and "payment_remittances"."cheque_count" > 0),
	CONSTRAINT "payment_remittances_cancelled_check" CHECK ("payment_remittances"."cancelled_at" is null or "payment_remittances"."bank_line_id" is null)
);
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" DROP CONSTRAINT "bank_statement_lines_payment_check";--> statement-breakpoint
DROP INDEX "payments_coop_bank_line_key";--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD COLUMN "remittance_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "origin" varchar(16) DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "deposit_account" varchar(12) DEFAULT '512' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "remittance_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "clearing_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cancel_reason" varchar(500);--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cancel_entry_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_remittances_coop_bank_line_key" ON "payment_remittances" USING btree ("coop_id","bank_line_id") WHERE "payment_remittances"."bank_line_id" is not null;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_coop_id_remittance_id_payment_remittances_coop_id_id_fk" FOREIGN KEY ("coop_id","remittance_id") REFERENCES "public"."payment_remittances"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_coop_remittance_idx" ON "payments" USING btree ("coop_id","remittance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_coop_bank_line_key" ON "payments" USING btree ("coop_id","bank_line_id") WHERE "payments"."bank_line_id" is not null and "payments"."cancelled_at" is null;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_payment_check" CHECK (("bank_statement_lines"."status" = 'matched') = ("bank_statement_lines"."payment_id" is not null or "bank_statement_lines"."remittance_id" is not null) and ("bank_statement_lines"."payment_id" is null or "bank_statement_lines"."remittance_id" is null));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_origin_check" CHECK ("payments"."origin" in ('manual', 'bank_line'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_cancelled_check" CHECK (("payments"."cancelled_at" is null) = ("payments"."cancel_reason" is null) and ("payments"."cancelled_at" is null) = ("payments"."cancel_entry_id" is null));--> statement-breakpoint
-- Payments booked before this migration were read from a bank line or typed by hand, all on 512.
UPDATE "payments" SET "origin" = 'bank_line' WHERE "bank_line_id" IS NOT NULL;--> statement-breakpoint
-- 5112 Chèques à encaisser joins the chart every coop gets (PCG): coops that already have a chart receive it too.
INSERT INTO "ledger_accounts" ("coop_id", "number", "label", "kind")
SELECT DISTINCT "coop_id", '5112', 'Chèques à encaisser', 'cash' FROM "ledger_accounts"
ON CONFLICT DO NOTHING;
