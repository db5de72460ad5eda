CREATE TABLE "salary_requests" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"month" date NOT NULL,
	"gross_cents" bigint NOT NULL,
	"employer_contributions_cents" bigint NOT NULL,
	"employer_cost_cents" bigint NOT NULL,
	"employee_contributions_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"employer_rate_bp" integer NOT NULL,
	"employee_rate_bp" integer NOT NULL,
	"status" varchar(16) DEFAULT 'requested' NOT NULL,
	"note" varchar(500),
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"refusal_reason" varchar(500),
	"entry_id" uuid,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" varchar(500),
	"cancel_entry_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "salary_requests_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "salary_requests_status_check" CHECK ("salary_requests"."status" in ('requested', 'validated', 'refused', 'cancelled')),
	CONSTRAINT "salary_requests_month_check" CHECK (extract(day from "salary_requests"."month") = 1),
	CONSTRAINT "salary_requests_amounts_check" CHECK ("salary_requests"."gross_cents" between 1 and 10000000 and "salary_requests"."employer_contributions_cents" >= 0 and "salary_requests"."employee_contributions_cents" >= 0 and "salary_requests"."employer_cost_cents" = "salary_requests"."gross_cents" + "salary_requests"."employer_contributions_cents" and "salary_requests"."net_cents" = "salary_requests"."gross_cents" - "salary_requests"."employee_contributions_cents" and "salary_requests"."net_cents" >= 0),
	CONSTRAINT "salary_requests_rates_check" CHECK ("salary_requests"."employer_rate_bp" between 0 and 10000 and "salary_requests"."employee_rate_bp" between 0 and 5000),
	CONSTRAINT "salary_requests_refused_check" CHECK (("salary_requests"."status" = 'refused') = ("salary_requests"."refusal_reason" is not null)),
	CONSTRAINT "salary_requests_entry_check" CHECK ("salary_requests"."status" <> 'validated' or "salary_requests"."entry_id" is not null),
	CONSTRAINT "salary_requests_cancelled_check" CHECK (("salary_requests"."status" = 'cancelled') = ("salary_requests"."cancelled_at" is not null) and ("salary_requests"."status" <> 'cancelled' or "salary_requests"."cancel_reason" is not null) and ("salary_requests"."cancel_entry_id" is null or "salary_requests"."entry_id" is not null) and ("salary_requests"."status" <> 'cancelled' or "salary_requests"."entry_id" is null or "salary_requests"."cancel_entry_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "salary_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"employer_rate_bp" integer NOT NULL,
	"employee_rate_bp" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "salary_settings_rates_check" CHECK ("salary_settings"."employer_rate_bp" between 0 and 10000 and "salary_settings"."employee_rate_bp" between 0 and 5000)
);
--> statement-breakpoint
ALTER TABLE "salary_requests" ADD CONSTRAINT "salary_requests_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_requests" ADD CONSTRAINT "salary_requests_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_settings" ADD CONSTRAINT "salary_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "salary_requests_live_key" ON "salary_requests" USING btree ("coop_id","member_id","activity_id","month") WHERE "salary_requests"."status" in ('requested', 'validated');--> statement-breakpoint
CREATE INDEX "salary_requests_month_idx" ON "salary_requests" USING btree ("coop_id","month","status");--> statement-breakpoint
CREATE INDEX "salary_requests_activity_idx" ON "salary_requests" USING btree ("coop_id","activity_id","status");