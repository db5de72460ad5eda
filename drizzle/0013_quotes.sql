CREATE TABLE "quote_invoices" (
	"coop_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"groups" jsonb NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"excess_net_cents" bigint DEFAULT 0 NOT NULL,
	"exceed_reason" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quote_invoices_coop_id_invoice_id_pk" PRIMARY KEY("coop_id","invoice_id"),
	CONSTRAINT "quote_invoices_kind_check" CHECK ("quote_invoices"."kind" in ('whole', 'deposit', 'stage', 'balance')),
	CONSTRAINT "quote_invoices_exceed_check" CHECK ("quote_invoices"."excess_net_cents" = 0 or "quote_invoices"."exceed_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"coop_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"section_title" varchar(200),
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
	CONSTRAINT "quote_lines_coop_id_quote_id_position_pk" PRIMARY KEY("coop_id","quote_id","position"),
	CONSTRAINT "quote_lines_amounts_check" CHECK ("quote_lines"."unit_price_cents" >= 0 and "quote_lines"."position" >= 1 and "quote_lines"."vat_rate_bp" >= 0),
	CONSTRAINT "quote_lines_vat_check" CHECK ("quote_lines"."vat_category" in ('S', 'Z', 'E', 'AE', 'K', 'G', 'O') and ("quote_lines"."vat_category" = 'S') = ("quote_lines"."vat_rate_bp" > 0))
);
--> statement-breakpoint
CREATE TABLE "quote_series" (
	"coop_id" uuid NOT NULL,
	"series_key" varchar(16) NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "quote_series_coop_id_series_key_pk" PRIMARY KEY("coop_id","series_key"),
	CONSTRAINT "quote_series_seq_check" CHECK ("quote_series"."last_seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"number" varchar(40),
	"series_key" varchar(16),
	"seq" integer,
	"activity_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"valid_until" date NOT NULL,
	"notes" text,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"vat_cents" bigint DEFAULT 0 NOT NULL,
	"gross_cents" bigint DEFAULT 0 NOT NULL,
	"vat_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duplicated_from_id" uuid,
	"submitted_at" timestamp with time zone,
	"validated_at" timestamp with time zone,
	"validated_by" uuid,
	"sent_at" timestamp with time zone,
	"accepted_by_name" varchar(200),
	"accepted_at" timestamp with time zone,
	"accepted_ip" varchar(64),
	"refused_at" timestamp with time zone,
	"refusal_reason" varchar(2000),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "quotes_status_check" CHECK ("quotes"."status" in ('draft', 'submitted', 'validated', 'sent', 'accepted', 'refused')),
	CONSTRAINT "quotes_number_check" CHECK (("quotes"."status" in ('draft', 'submitted')) = ("quotes"."number" is null) and ("quotes"."number" is null) = ("quotes"."seq" is null)),
	CONSTRAINT "quotes_amounts_check" CHECK ("quotes"."net_cents" >= 0 and "quotes"."vat_cents" >= 0 and "quotes"."gross_cents" = "quotes"."net_cents" + "quotes"."vat_cents"),
	CONSTRAINT "quotes_accepted_check" CHECK (("quotes"."status" = 'accepted') = ("quotes"."accepted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "quotes_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"needs_validation" boolean DEFAULT true NOT NULL,
	"portal_secret" varchar(128) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quote_invoices" ADD CONSTRAINT "quote_invoices_coop_id_quote_id_quotes_coop_id_id_fk" FOREIGN KEY ("coop_id","quote_id") REFERENCES "public"."quotes"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_invoices" ADD CONSTRAINT "quote_invoices_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_coop_id_quote_id_quotes_coop_id_id_fk" FOREIGN KEY ("coop_id","quote_id") REFERENCES "public"."quotes"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quote_invoices_quote_idx" ON "quote_invoices" USING btree ("coop_id","quote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_coop_number_key" ON "quotes" USING btree ("coop_id","number") WHERE "quotes"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_coop_series_seq_key" ON "quotes" USING btree ("coop_id","series_key","seq") WHERE "quotes"."seq" is not null;--> statement-breakpoint
CREATE INDEX "quotes_coop_activity_idx" ON "quotes" USING btree ("coop_id","activity_id","created_at");--> statement-breakpoint
CREATE INDEX "quotes_coop_status_idx" ON "quotes" USING btree ("coop_id","status","created_at");--> statement-breakpoint
CREATE INDEX "quotes_coop_client_idx" ON "quotes" USING btree ("coop_id","client_id");