CREATE TABLE "independence_alerts" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"crossed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ratio_bp" integer NOT NULL,
	"volume_cents" bigint NOT NULL,
	"declared_revenue_cents" bigint NOT NULL,
	"cleared_at" timestamp with time zone,
	CONSTRAINT "independence_alerts_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "independence_alerts_ratio_check" CHECK ("independence_alerts"."ratio_bp" >= 0 and "independence_alerts"."volume_cents" >= 0 and "independence_alerts"."declared_revenue_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "independents_runs" (
	"coop_id" uuid NOT NULL,
	"kind" varchar(32) NOT NULL,
	"period" varchar(10) NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "independents_runs_coop_id_kind_period_pk" PRIMARY KEY("coop_id","kind","period")
);
--> statement-breakpoint
CREATE TABLE "independents_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"threshold_bp" integer DEFAULT 5000 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "independents_settings_threshold_check" CHECK ("independents_settings"."threshold_bp" between 100 and 10000)
);
--> statement-breakpoint
CREATE TABLE "member_invoices" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"number" varchar(40) NOT NULL,
	"issue_date" date NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"gross_cents" bigint NOT NULL,
	"vat_regime" varchar(16) NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"job_id" uuid,
	"description" varchar(500) NOT NULL,
	"origin" varchar(16) NOT NULL,
	"storage_key" varchar(300),
	"sha256" varchar(64),
	"file_name" varchar(255),
	"size_bytes" integer,
	"status" varchar(16) DEFAULT 'received' NOT NULL,
	"purchase_entry_id" uuid,
	"validated_at" timestamp with time zone,
	"validated_by" uuid,
	"paid_on" date,
	"payment_reference" varchar(140),
	"payment_entry_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_invoices_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "member_invoices_number_key" UNIQUE("coop_id","member_id","number"),
	CONSTRAINT "member_invoices_storage_key" UNIQUE("coop_id","storage_key"),
	CONSTRAINT "member_invoices_status_check" CHECK ("member_invoices"."status" in ('received', 'validated', 'paid')),
	CONSTRAINT "member_invoices_regime_check" CHECK ("member_invoices"."vat_regime" in ('standard', 'franchise')),
	CONSTRAINT "member_invoices_origin_check" CHECK ("member_invoices"."origin" in ('generated', 'uploaded')),
	CONSTRAINT "member_invoices_amounts_check" CHECK ("member_invoices"."net_cents" > 0 and "member_invoices"."net_cents" <= 100000000 and "member_invoices"."vat_cents" >= 0 and "member_invoices"."gross_cents" = "member_invoices"."net_cents" + "member_invoices"."vat_cents" and "member_invoices"."vat_rate_bp" in (0, 210, 550, 1000, 2000) and ("member_invoices"."vat_regime" = 'standard' or ("member_invoices"."vat_cents" = 0 and "member_invoices"."vat_rate_bp" = 0))),
	CONSTRAINT "member_invoices_file_check" CHECK (("member_invoices"."storage_key" is null) = ("member_invoices"."sha256" is null)),
	CONSTRAINT "member_invoices_paid_check" CHECK (("member_invoices"."status" = 'paid') = ("member_invoices"."paid_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "member_documents" ADD COLUMN "declared_revenue_cents" bigint;--> statement-breakpoint
ALTER TABLE "independence_alerts" ADD CONSTRAINT "independence_alerts_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "independents_settings" ADD CONSTRAINT "independents_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_invoices" ADD CONSTRAINT "member_invoices_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_invoices" ADD CONSTRAINT "member_invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_invoices" ADD CONSTRAINT "member_invoices_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_invoices" ADD CONSTRAINT "member_invoices_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "independence_alerts_open_key" ON "independence_alerts" USING btree ("coop_id","member_id") WHERE "independence_alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "member_invoices_member_idx" ON "member_invoices" USING btree ("coop_id","member_id","issue_date");--> statement-breakpoint
CREATE INDEX "member_invoices_status_idx" ON "member_invoices" USING btree ("coop_id","status","issue_date");--> statement-breakpoint
ALTER TABLE "member_documents" ADD CONSTRAINT "member_documents_revenue_check" CHECK ("member_documents"."declared_revenue_cents" is null or ("member_documents"."kind" = 'fiscal_statement' and "member_documents"."declared_revenue_cents" between 0 and 100000000000));