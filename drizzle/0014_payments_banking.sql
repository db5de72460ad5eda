CREATE TABLE "bank_statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"fingerprint" varchar(64) NOT NULL,
	"booking_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"label" varchar(1000) DEFAULT '' NOT NULL,
	"reference" varchar(1000) DEFAULT '' NOT NULL,
	"counterparty" varchar(300),
	"status" varchar(16) DEFAULT 'unmatched' NOT NULL,
	"payment_id" uuid,
	CONSTRAINT "bank_statement_lines_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "bank_statement_lines_coop_fingerprint_key" UNIQUE("coop_id","fingerprint"),
	CONSTRAINT "bank_statement_lines_status_check" CHECK ("bank_statement_lines"."status" in ('unmatched', 'matched', 'ignored')),
	CONSTRAINT "bank_statement_lines_payment_check" CHECK (("bank_statement_lines"."status" = 'matched') = ("bank_statement_lines"."payment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"format" varchar(8) NOT NULL,
	"account_iban" varchar(34) NOT NULL,
	"statement_ref" varchar(200),
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	CONSTRAINT "bank_statements_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "bank_statements_format_check" CHECK ("bank_statements"."format" in ('camt053', 'csv'))
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"coop_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "payment_allocations_coop_id_payment_id_invoice_id_pk" PRIMARY KEY("coop_id","payment_id","invoice_id"),
	CONSTRAINT "payment_allocations_amount_check" CHECK ("payment_allocations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"mode" varchar(16) NOT NULL,
	"reference" varchar(200),
	"bank_line_id" uuid,
	"entry_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_mode_check" CHECK ("payments"."mode" in ('transfer', 'cheque', 'card', 'cash', 'direct_debit'))
);
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_coop_id_statement_id_bank_statements_coop_id_id_fk" FOREIGN KEY ("coop_id","statement_id") REFERENCES "public"."bank_statements"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_coop_id_payment_id_payments_coop_id_id_fk" FOREIGN KEY ("coop_id","payment_id") REFERENCES "public"."payments"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_statement_lines_coop_statement_idx" ON "bank_statement_lines" USING btree ("coop_id","statement_id","booking_date");--> statement-breakpoint
CREATE INDEX "bank_statements_coop_imported_idx" ON "bank_statements" USING btree ("coop_id","imported_at");--> statement-breakpoint
CREATE INDEX "payment_allocations_coop_invoice_idx" ON "payment_allocations" USING btree ("coop_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_coop_activity_idx" ON "payment_allocations" USING btree ("coop_id","activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_coop_bank_line_key" ON "payments" USING btree ("coop_id","bank_line_id") WHERE "payments"."bank_line_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_coop_date_idx" ON "payments" USING btree ("coop_id","date");--> statement-breakpoint
CREATE INDEX "payments_coop_client_idx" ON "payments" USING btree ("coop_id","client_id");