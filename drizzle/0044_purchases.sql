CREATE TABLE "purchases_api_tokens" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" varchar(100) NOT NULL,
	"scope" varchar(32) DEFAULT 'inbound_invoices' NOT NULL,
	"secret_sha256" varchar(64) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "purchases_api_tokens_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "purchases_api_tokens_secret_key" UNIQUE("coop_id","secret_sha256"),
	CONSTRAINT "purchases_api_tokens_scope_check" CHECK ("purchases_api_tokens"."scope" in ('inbound_invoices'))
);
--> statement-breakpoint
CREATE TABLE "supplier_invoice_lines" (
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"label" varchar(300) NOT NULL,
	"account" varchar(8),
	"net_cents" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"vat_cents" bigint NOT NULL,
	CONSTRAINT "supplier_invoice_lines_coop_id_invoice_id_position_pk" PRIMARY KEY("coop_id","invoice_id","position"),
	CONSTRAINT "supplier_invoice_lines_account_check" CHECK ("supplier_invoice_lines"."account" is null or "supplier_invoice_lines"."account" ~ '^6[0-9]{1,7}$'),
	CONSTRAINT "supplier_invoice_lines_amounts_check" CHECK ("supplier_invoice_lines"."net_cents" between -100000000 and 100000000 and "supplier_invoice_lines"."vat_cents" between -100000000 and 100000000 and "supplier_invoice_lines"."vat_rate_bp" between 0 and 10000 and "supplier_invoice_lines"."position" between 1 and 999)
);
--> statement-breakpoint
CREATE TABLE "supplier_invoice_statuses" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"status" varchar(12) NOT NULL,
	"code" smallint NOT NULL,
	"reason" varchar(500),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" uuid,
	"sent_at" timestamp with time zone,
	"sent_to" varchar(300),
	CONSTRAINT "supplier_invoice_statuses_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "supplier_invoice_statuses_code_check" CHECK ("supplier_invoice_statuses"."code" between 200 and 213)
);
--> statement-breakpoint
CREATE TABLE "supplier_invoices" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"activity_id" uuid,
	"kind" varchar(12) NOT NULL,
	"type_code" varchar(3) NOT NULL,
	"number" varchar(100) NOT NULL,
	"issue_date" date NOT NULL,
	"issue_year" smallint NOT NULL,
	"due_date" date,
	"net_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"gross_cents" bigint NOT NULL,
	"payee_iban" varchar(34),
	"payee_bic" varchar(11),
	"origin" varchar(8) NOT NULL,
	"format" varchar(8),
	"storage_key" varchar(300),
	"sha256" varchar(64),
	"file_name" varchar(255),
	"media_type" varchar(40),
	"read_model" jsonb,
	"status" varchar(12) DEFAULT 'received' NOT NULL,
	"status_reason" varchar(500),
	"purchase_entry_id" uuid,
	"paid_on" date,
	"payment_entry_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_invoices_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "supplier_invoices_number_key" UNIQUE("coop_id","supplier_id","number","issue_year"),
	CONSTRAINT "supplier_invoices_kind_check" CHECK ("supplier_invoices"."kind" in ('invoice', 'credit_note')),
	CONSTRAINT "supplier_invoices_status_check" CHECK ("supplier_invoices"."status" in ('received', 'approved', 'refused', 'disputed', 'paid')),
	CONSTRAINT "supplier_invoices_origin_check" CHECK ("supplier_invoices"."origin" in ('manual', 'upload', 'api')),
	CONSTRAINT "supplier_invoices_amounts_check" CHECK ("supplier_invoices"."net_cents" >= 0 and "supplier_invoices"."net_cents" <= 100000000 and "supplier_invoices"."vat_cents" >= 0 and "supplier_invoices"."vat_cents" <= 100000000 and "supplier_invoices"."gross_cents" = "supplier_invoices"."net_cents" + "supplier_invoices"."vat_cents" and "supplier_invoices"."gross_cents" > 0),
	CONSTRAINT "supplier_invoices_year_check" CHECK ("supplier_invoices"."issue_year" = extract(year from "supplier_invoices"."issue_date")),
	CONSTRAINT "supplier_invoices_file_check" CHECK (("supplier_invoices"."storage_key" is null) = ("supplier_invoices"."sha256" is null)),
	CONSTRAINT "supplier_invoices_paid_check" CHECK (("supplier_invoices"."status" = 'paid') = ("supplier_invoices"."paid_on" is not null)),
	CONSTRAINT "supplier_invoices_refused_check" CHECK ("supplier_invoices"."status" not in ('refused', 'disputed') or "supplier_invoices"."status_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(200) NOT NULL,
	"siren" varchar(9),
	"siret" varchar(14),
	"vat_number" varchar(16),
	"address" varchar(300),
	"iban" varchar(34),
	"bic" varchar(11),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "suppliers_siren_check" CHECK ("suppliers"."siren" is null or "suppliers"."siren" ~ '^[0-9]{9}$'),
	CONSTRAINT "suppliers_siret_check" CHECK ("suppliers"."siret" is null or ("suppliers"."siret" ~ '^[0-9]{14}$' and ("suppliers"."siren" is null or left("suppliers"."siret", 9) = "suppliers"."siren")))
);
--> statement-breakpoint
ALTER TABLE "purchases_api_tokens" ADD CONSTRAINT "purchases_api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_api_tokens" ADD CONSTRAINT "purchases_api_tokens_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ADD CONSTRAINT "supplier_invoice_lines_coop_id_invoice_id_supplier_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."supplier_invoices"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_statuses" ADD CONSTRAINT "supplier_invoice_statuses_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_statuses" ADD CONSTRAINT "supplier_invoice_statuses_coop_id_invoice_id_supplier_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."supplier_invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_coop_id_supplier_id_suppliers_coop_id_id_fk" FOREIGN KEY ("coop_id","supplier_id") REFERENCES "public"."suppliers"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supplier_invoice_statuses_invoice_idx" ON "supplier_invoice_statuses" USING btree ("coop_id","invoice_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_invoices_sha256_key" ON "supplier_invoices" USING btree ("coop_id","sha256") WHERE "supplier_invoices"."sha256" is not null;--> statement-breakpoint
CREATE INDEX "supplier_invoices_status_idx" ON "supplier_invoices" USING btree ("coop_id","status","issue_date");--> statement-breakpoint
CREATE INDEX "supplier_invoices_activity_idx" ON "supplier_invoices" USING btree ("coop_id","activity_id","issue_date");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_siren_key" ON "suppliers" USING btree ("coop_id","siren") WHERE "suppliers"."siren" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_vat_key" ON "suppliers" USING btree ("coop_id","vat_number") WHERE "suppliers"."vat_number" is not null;