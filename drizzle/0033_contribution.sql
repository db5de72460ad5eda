CREATE TABLE "contribution_activity_settings" (
	"coop_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"rate_bp" integer,
	"bounds_overridden" boolean DEFAULT false NOT NULL,
	"floor_cents" bigint,
	"ceiling_cents" bigint,
	"bound_period" varchar(8) DEFAULT 'invoice' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_activity_settings_coop_id_activity_id_pk" PRIMARY KEY("coop_id","activity_id"),
	CONSTRAINT "contribution_activity_settings_rate_check" CHECK ("contribution_activity_settings"."rate_bp" is null or "contribution_activity_settings"."rate_bp" between 0 and 10000),
	CONSTRAINT "contribution_activity_settings_bounds_check" CHECK (("contribution_activity_settings"."floor_cents" is null or "contribution_activity_settings"."floor_cents" between 0 and 100000000) and ("contribution_activity_settings"."ceiling_cents" is null or "contribution_activity_settings"."ceiling_cents" between 0 and 100000000) and ("contribution_activity_settings"."floor_cents" is null or "contribution_activity_settings"."ceiling_cents" is null or "contribution_activity_settings"."floor_cents" <= "contribution_activity_settings"."ceiling_cents")),
	CONSTRAINT "contribution_activity_settings_period_check" CHECK ("contribution_activity_settings"."bound_period" in ('invoice', 'month'))
);
--> statement-breakpoint
CREATE TABLE "contribution_postings" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid,
	"activity_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"posted_on" date NOT NULL,
	"cause" varchar(20) NOT NULL,
	"cause_id" uuid,
	"basis" varchar(12) NOT NULL,
	"base_cents" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"full_cents" bigint NOT NULL,
	"due_cents" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"entry_id" uuid,
	"reverses_posting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_postings_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "contribution_postings_reverses_key" UNIQUE("coop_id","reverses_posting_id"),
	CONSTRAINT "contribution_postings_rate_check" CHECK ("contribution_postings"."rate_bp" between 0 and 10000),
	CONSTRAINT "contribution_postings_amounts_check" CHECK ("contribution_postings"."base_cents" >= 0 and "contribution_postings"."full_cents" >= 0),
	CONSTRAINT "contribution_postings_month_check" CHECK ("contribution_postings"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "contribution_postings_cause_check" CHECK ("contribution_postings"."cause" in ('validation', 'payment', 'payment_cancelled', 'credit_note', 'monthly_floor')),
	CONSTRAINT "contribution_postings_basis_check" CHECK ("contribution_postings"."basis" in ('validation', 'payment')),
	CONSTRAINT "contribution_postings_invoice_check" CHECK (("contribution_postings"."invoice_id" is null) = ("contribution_postings"."cause" = 'monthly_floor'))
);
--> statement-breakpoint
CREATE TABLE "contribution_settings" (
	"coop_id" uuid NOT NULL,
	"floor_cents" bigint,
	"ceiling_cents" bigint,
	"bound_period" varchar(8) DEFAULT 'invoice' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_settings_coop_id_pk" PRIMARY KEY("coop_id"),
	CONSTRAINT "contribution_settings_bounds_check" CHECK (("contribution_settings"."floor_cents" is null or "contribution_settings"."floor_cents" between 0 and 100000000) and ("contribution_settings"."ceiling_cents" is null or "contribution_settings"."ceiling_cents" between 0 and 100000000) and ("contribution_settings"."floor_cents" is null or "contribution_settings"."ceiling_cents" is null or "contribution_settings"."floor_cents" <= "contribution_settings"."ceiling_cents")),
	CONSTRAINT "contribution_settings_period_check" CHECK ("contribution_settings"."bound_period" in ('invoice', 'month'))
);
--> statement-breakpoint
ALTER TABLE "contribution_activity_settings" ADD CONSTRAINT "contribution_activity_settings_activity_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_postings" ADD CONSTRAINT "contribution_postings_activity_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_postings" ADD CONSTRAINT "contribution_postings_invoice_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_postings" ADD CONSTRAINT "contribution_postings_reverses_fk" FOREIGN KEY ("coop_id","reverses_posting_id") REFERENCES "public"."contribution_postings"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_postings_month_floor_key" ON "contribution_postings" USING btree ("coop_id","activity_id","month") WHERE "contribution_postings"."cause" = 'monthly_floor';--> statement-breakpoint
CREATE INDEX "contribution_postings_invoice_idx" ON "contribution_postings" USING btree ("coop_id","invoice_id");--> statement-breakpoint
CREATE INDEX "contribution_postings_month_idx" ON "contribution_postings" USING btree ("coop_id","activity_id","month");