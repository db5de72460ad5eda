CREATE TABLE "payout_batches" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"message_id" varchar(35) NOT NULL,
	"payment_info_id" varchar(35) NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"execution_date" date NOT NULL,
	"pain_version" varchar(12) NOT NULL,
	"status" varchar(12) DEFAULT 'built' NOT NULL,
	"needs_approval" boolean NOT NULL,
	"item_count" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "payout_batches_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "payout_batches_message_key" UNIQUE("coop_id","message_id"),
	CONSTRAINT "payout_batches_payment_info_key" UNIQUE("coop_id","payment_info_id"),
	CONSTRAINT "payout_batches_status_check" CHECK ("payout_batches"."status" in ('built', 'approved', 'cancelled')),
	CONSTRAINT "payout_batches_version_check" CHECK ("payout_batches"."pain_version" in ('001.001.09', '001.001.03')),
	CONSTRAINT "payout_batches_amounts_check" CHECK ("payout_batches"."item_count" between 1 and 10000 and "payout_batches"."total_cents" > 0),
	CONSTRAINT "payout_batches_approval_check" CHECK (("payout_batches"."status" = 'approved') = ("payout_batches"."approved_by" is not null) and ("payout_batches"."approved_by" is null or "payout_batches"."approved_by" <> "payout_batches"."created_by")),
	CONSTRAINT "payout_batches_cancelled_check" CHECK (("payout_batches"."status" = 'cancelled') = ("payout_batches"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "payout_items" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"source_type" varchar(20) NOT NULL,
	"source_id" uuid NOT NULL,
	"activity_id" uuid,
	"payee_name" varchar(70) NOT NULL,
	"payee_iban" varchar(34) NOT NULL,
	"payee_bic" varchar(11),
	"amount_cents" bigint NOT NULL,
	"reference" varchar(140) NOT NULL,
	"end_to_end_id" varchar(35) NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"paid_on" date,
	"entry_id" uuid,
	"bank_line_id" uuid,
	"return_reason" varchar(35),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_items_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "payout_items_end_to_end_key" UNIQUE("coop_id","end_to_end_id"),
	CONSTRAINT "payout_items_source_check" CHECK ("payout_items"."source_type" in ('expense_report', 'supplier_invoice', 'member_invoice', 'salary')),
	CONSTRAINT "payout_items_status_check" CHECK ("payout_items"."status" in ('pending', 'paid', 'cancelled', 'returned')),
	CONSTRAINT "payout_items_amount_check" CHECK ("payout_items"."amount_cents" between 1 and 10000000000),
	CONSTRAINT "payout_items_paid_check" CHECK (("payout_items"."status" in ('paid', 'returned')) = ("payout_items"."paid_on" is not null and "payout_items"."entry_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "payout_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"second_approval" boolean DEFAULT false NOT NULL,
	"pain_version" varchar(12) DEFAULT '001.001.09' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "iban" varchar(34);--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "bic" varchar(11);--> statement-breakpoint
ALTER TABLE "salary_requests" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "salary_requests" ADD COLUMN "payment_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_coop_id_bank_account_id_bank_accounts_coop_id_id_fk" FOREIGN KEY ("coop_id","bank_account_id") REFERENCES "public"."bank_accounts"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_coop_id_batch_id_payout_batches_coop_id_id_fk" FOREIGN KEY ("coop_id","batch_id") REFERENCES "public"."payout_batches"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD CONSTRAINT "payout_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_batches_coop_created_idx" ON "payout_batches" USING btree ("coop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_items_live_source_key" ON "payout_items" USING btree ("coop_id","source_type","source_id") WHERE "payout_items"."status" in ('pending', 'paid');--> statement-breakpoint
CREATE INDEX "payout_items_batch_idx" ON "payout_items" USING btree ("coop_id","batch_id");--> statement-breakpoint
ALTER TABLE "salary_requests" ADD CONSTRAINT "salary_requests_paid_check" CHECK (("salary_requests"."paid_on" is null) = ("salary_requests"."payment_entry_id" is null) and ("salary_requests"."paid_on" is null or "salary_requests"."status" = 'validated'));