CREATE TABLE "invoice_lines" (
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" varchar(1000) NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit" varchar(8) DEFAULT 'C62' NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"discount_bp" integer,
	"discount_cents" bigint,
	"vat_category" varchar(2) NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"exemption_reason" varchar(300),
	"net_cents" bigint NOT NULL,
	CONSTRAINT "invoice_lines_coop_id_invoice_id_position_pk" PRIMARY KEY("coop_id","invoice_id","position"),
	CONSTRAINT "invoice_lines_amounts_check" CHECK ("invoice_lines"."unit_price_cents" >= 0 and "invoice_lines"."position" >= 1 and "invoice_lines"."vat_rate_bp" >= 0),
	CONSTRAINT "invoice_lines_discount_check" CHECK (("invoice_lines"."discount_bp" is null or "invoice_lines"."discount_cents" is null) and coalesce("invoice_lines"."discount_bp", 0) between 0 and 10000 and coalesce("invoice_lines"."discount_cents", 0) >= 0),
	CONSTRAINT "invoice_lines_vat_check" CHECK ("invoice_lines"."vat_category" in ('S', 'Z', 'E', 'AE', 'K', 'G', 'O') and ("invoice_lines"."vat_category" = 'S') = ("invoice_lines"."vat_rate_bp" > 0))
);
--> statement-breakpoint
CREATE TABLE "invoice_series" (
	"coop_id" uuid NOT NULL,
	"series_key" varchar(16) NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "invoice_series_coop_id_series_key_pk" PRIMARY KEY("coop_id","series_key"),
	CONSTRAINT "invoice_series_seq_check" CHECK ("invoice_series"."last_seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"kind" varchar(16) DEFAULT 'invoice' NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"number" varchar(40),
	"series_key" varchar(16),
	"seq" integer,
	"activity_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"issue_date" date,
	"service_date" date,
	"service_period_start" date,
	"service_period_end" date,
	"due_date" date,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"payment_terms_end_of_month" boolean DEFAULT false NOT NULL,
	"operation_category" varchar(16) DEFAULT 'services' NOT NULL,
	"currency" varchar(3) DEFAULT 'EUR' NOT NULL,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"vat_cents" bigint DEFAULT 0 NOT NULL,
	"gross_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"credited_invoice_id" uuid,
	"notes" text,
	"mentions" jsonb,
	"created_by" uuid,
	"validated_by" uuid,
	"validated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "invoices_kind_check" CHECK ("invoices"."kind" in ('invoice', 'credit_note', 'deposit')),
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('draft', 'validated', 'sent', 'partially_paid', 'paid')),
	CONSTRAINT "invoices_category_check" CHECK ("invoices"."operation_category" in ('goods', 'services', 'both')),
	CONSTRAINT "invoices_currency_check" CHECK ("invoices"."currency" = 'EUR'),
	CONSTRAINT "invoices_number_check" CHECK (("invoices"."status" = 'draft') = ("invoices"."number" is null) and ("invoices"."number" is null) = ("invoices"."seq" is null) and ("invoices"."number" is null or ("invoices"."issue_date" is not null and "invoices"."series_key" is not null and "invoices"."validated_at" is not null))),
	CONSTRAINT "invoices_amounts_check" CHECK ("invoices"."net_cents" >= 0 and "invoices"."vat_cents" >= 0 and "invoices"."gross_cents" >= 0 and "invoices"."paid_cents" >= 0 and "invoices"."gross_cents" = "invoices"."net_cents" + "invoices"."vat_cents"),
	CONSTRAINT "invoices_credit_note_check" CHECK (("invoices"."kind" = 'credit_note') = ("invoices"."credited_invoice_id" is not null)),
	CONSTRAINT "invoices_terms_check" CHECK ("invoices"."payment_terms_days" between 0 and 60),
	CONSTRAINT "invoices_period_check" CHECK (("invoices"."service_period_start" is null) = ("invoices"."service_period_end" is null) and ("invoices"."service_period_start" is null or "invoices"."service_period_start" <= "invoices"."service_period_end"))
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_coop_id_credited_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","credited_invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_coop_number_key" ON "invoices" USING btree ("coop_id","number") WHERE "invoices"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_coop_series_seq_key" ON "invoices" USING btree ("coop_id","series_key","seq") WHERE "invoices"."seq" is not null;--> statement-breakpoint
CREATE INDEX "invoices_coop_status_idx" ON "invoices" USING btree ("coop_id","status","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_coop_activity_idx" ON "invoices" USING btree ("coop_id","activity_id","created_at");--> statement-breakpoint
CREATE INDEX "invoices_coop_client_idx" ON "invoices" USING btree ("coop_id","client_id");--> statement-breakpoint
CREATE INDEX "invoices_coop_credited_idx" ON "invoices" USING btree ("coop_id","credited_invoice_id") WHERE "invoices"."credited_invoice_id" is not null;