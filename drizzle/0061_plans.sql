CREATE TABLE "allowance_grants" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"quantity" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"limited_kinds" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_grants_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "allowance_grants_month_key" UNIQUE("coop_id","subscription_id","month","kind"),
	CONSTRAINT "allowance_grants_kind_check" CHECK ("allowance_grants"."kind" in ('pass_day', 'pass_half_day', 'credit_minutes', 'credit_cents')),
	CONSTRAINT "allowance_grants_used_check" CHECK ("allowance_grants"."quantity" > 0 and "allowance_grants"."used" >= 0 and "allowance_grants"."used" <= "allowance_grants"."quantity"),
	CONSTRAINT "allowance_grants_validity_check" CHECK ("allowance_grants"."expires_at" > "allowance_grants"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "allowance_uses" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"source" varchar(16) DEFAULT 'booking' NOT NULL,
	"quantity" integer NOT NULL,
	"covered_minutes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "allowance_uses_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "allowance_uses_quantity_check" CHECK ("allowance_uses"."quantity" > 0 and "allowance_uses"."covered_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_pauses" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"from_month" varchar(7) NOT NULL,
	"until_month" varchar(7),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_pauses_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "plan_pauses_months_check" CHECK ("plan_pauses"."from_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and ("plan_pauses"."until_month" is null or ("plan_pauses"."until_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "plan_pauses"."until_month" >= "plan_pauses"."from_month")))
);
--> statement-breakpoint
CREATE TABLE "plan_subscriptions" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"end_requested_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_subscriptions_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "plan_subscriptions_dates_check" CHECK ("plan_subscriptions"."ends_on" is null or "plan_subscriptions"."ends_on" >= "plan_subscriptions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(120) NOT NULL,
	"type" varchar(20) NOT NULL,
	"monthly_price_cents" bigint NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	"included_day_passes" integer DEFAULT 0 NOT NULL,
	"included_half_day_passes" integer DEFAULT 0 NOT NULL,
	"included_credit_minutes" integer DEFAULT 0 NOT NULL,
	"included_credit_cents" bigint DEFAULT 0 NOT NULL,
	"pass_kinds" text[] DEFAULT array['hot_desk']::text[] NOT NULL,
	"credit_kinds" text[],
	"rollover" boolean DEFAULT false NOT NULL,
	"notice_days" integer DEFAULT 30 NOT NULL,
	"schedule" jsonb,
	"dedicated_resource_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "plans_name_key" UNIQUE("coop_id","name"),
	CONSTRAINT "plans_type_check" CHECK ("plans"."type" in ('nomad', 'permanent', 'semi_permanent', 'custom')),
	CONSTRAINT "plans_price_check" CHECK ("plans"."monthly_price_cents" between 0 and 10000000 and "plans"."vat_rate_bp" in (0, 210, 550, 1000, 2000)),
	CONSTRAINT "plans_included_check" CHECK ("plans"."included_day_passes" between 0 and 62 and "plans"."included_half_day_passes" between 0 and 124 and "plans"."included_credit_minutes" between 0 and 44640 and "plans"."included_credit_cents" between 0 and 10000000),
	CONSTRAINT "plans_notice_check" CHECK ("plans"."notice_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "resource_billing_items" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_kind" varchar(20) NOT NULL,
	"source_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"member_id" uuid,
	"activity_id" uuid,
	"client_id" uuid,
	"label" varchar(300) NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"mode" varchar(20) NOT NULL,
	"entry_id" uuid,
	"document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_billing_items_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_billing_items_source_key" UNIQUE("coop_id","source_kind","source_id","month"),
	CONSTRAINT "resource_billing_items_kind_check" CHECK ("resource_billing_items"."source_kind" in ('plan_fee', 'booking', 'cancellation_fee') and "resource_billing_items"."mode" in ('internal_charge', 'member_invoice', 'client_invoice')),
	CONSTRAINT "resource_billing_items_amount_check" CHECK ("resource_billing_items"."net_cents" > 0 and "resource_billing_items"."net_cents" <= 10000000 and "resource_billing_items"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "resource_billing_runs" (
	"coop_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_billing_runs_coop_id_month_pk" PRIMARY KEY("coop_id","month")
);
--> statement-breakpoint
ALTER TABLE "allowance_grants" ADD CONSTRAINT "allowance_grants_coop_id_subscription_id_plan_subscriptions_coop_id_id_fk" FOREIGN KEY ("coop_id","subscription_id") REFERENCES "public"."plan_subscriptions"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_uses" ADD CONSTRAINT "allowance_uses_coop_id_grant_id_allowance_grants_coop_id_id_fk" FOREIGN KEY ("coop_id","grant_id") REFERENCES "public"."allowance_grants"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_pauses" ADD CONSTRAINT "plan_pauses_coop_id_subscription_id_plan_subscriptions_coop_id_id_fk" FOREIGN KEY ("coop_id","subscription_id") REFERENCES "public"."plan_subscriptions"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subscriptions" ADD CONSTRAINT "plan_subscriptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subscriptions" ADD CONSTRAINT "plan_subscriptions_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subscriptions" ADD CONSTRAINT "plan_subscriptions_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subscriptions" ADD CONSTRAINT "plan_subscriptions_coop_id_plan_id_plans_coop_id_id_fk" FOREIGN KEY ("coop_id","plan_id") REFERENCES "public"."plans"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_coop_id_dedicated_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","dedicated_resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "allowance_uses_live_key" ON "allowance_uses" USING btree ("coop_id","booking_id","grant_id") WHERE "allowance_uses"."released_at" is null;--> statement-breakpoint
CREATE INDEX "allowance_uses_booking_idx" ON "allowance_uses" USING btree ("coop_id","booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_pauses_open_key" ON "plan_pauses" USING btree ("coop_id","subscription_id") WHERE "plan_pauses"."until_month" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_subscriptions_open_member_key" ON "plan_subscriptions" USING btree ("coop_id","member_id") WHERE "plan_subscriptions"."ends_on" is null;--> statement-breakpoint
CREATE INDEX "plan_subscriptions_member_idx" ON "plan_subscriptions" USING btree ("coop_id","member_id");--> statement-breakpoint
CREATE INDEX "resource_billing_items_month_idx" ON "resource_billing_items" USING btree ("coop_id","month");