CREATE TABLE "contribution_deductions" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_type" varchar(32) NOT NULL,
	"source_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"posted_on" date NOT NULL,
	"base_cents" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"entry_id" uuid,
	"reversal_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_deductions_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "contribution_deductions_source_key" UNIQUE("coop_id","source_type","source_id","activity_id"),
	CONSTRAINT "contribution_deductions_source_check" CHECK ("contribution_deductions"."source_type" in ('expense_report', 'supplier_invoice')),
	CONSTRAINT "contribution_deductions_amounts_check" CHECK ("contribution_deductions"."base_cents" > 0 and "contribution_deductions"."base_cents" <= 100000000000 and "contribution_deductions"."rate_bp" between 0 and 10000 and "contribution_deductions"."amount_cents" >= 0 and "contribution_deductions"."amount_cents" <= "contribution_deductions"."base_cents"),
	CONSTRAINT "contribution_deductions_entry_check" CHECK (("contribution_deductions"."amount_cents" = 0) = ("contribution_deductions"."entry_id" is null) and ("contribution_deductions"."reversal_entry_id" is null or "contribution_deductions"."entry_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "expense_advances" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"reference" varchar(140) NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_advances_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "expense_advances_amount_check" CHECK ("expense_advances"."amount_cents" between 1 and 100000000)
);
--> statement-breakpoint
CREATE TABLE "expense_lines" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"spent_on" date NOT NULL,
	"description" varchar(300) NOT NULL,
	"category_id" uuid,
	"gross_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"vat_rate_bp" integer,
	"horsepower" integer,
	"distance_km" integer,
	"scale_year" integer,
	"receipt_key" varchar(300),
	"receipt_sha256" varchar(64),
	"receipt_type" varchar(32),
	"receipt_name" varchar(255),
	"receipt_bytes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_lines_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "expense_lines_receipt_key" UNIQUE("coop_id","receipt_key"),
	CONSTRAINT "expense_lines_kind_check" CHECK ("expense_lines"."kind" in ('expense', 'mileage')),
	CONSTRAINT "expense_lines_amounts_check" CHECK ("expense_lines"."gross_cents" between 1 and 100000000 and "expense_lines"."vat_cents" >= 0 and "expense_lines"."vat_cents" < "expense_lines"."gross_cents" and "expense_lines"."net_cents" + "expense_lines"."vat_cents" = "expense_lines"."gross_cents"),
	CONSTRAINT "expense_lines_shape_check" CHECK (("expense_lines"."kind" = 'expense' and "expense_lines"."category_id" is not null and "expense_lines"."horsepower" is null and "expense_lines"."distance_km" is null) or ("expense_lines"."kind" = 'mileage' and "expense_lines"."category_id" is null and "expense_lines"."vat_cents" = 0 and "expense_lines"."horsepower" between 1 and 50 and "expense_lines"."distance_km" between 1 and 10000 and "expense_lines"."scale_year" is not null and "expense_lines"."receipt_key" is null)),
	CONSTRAINT "expense_lines_receipt_check" CHECK (("expense_lines"."receipt_key" is null) = ("expense_lines"."receipt_sha256" is null) and ("expense_lines"."receipt_key" is null or "expense_lines"."receipt_bytes" between 1 and 5242880))
);
--> statement-breakpoint
CREATE TABLE "expense_report_steps" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"step" varchar(16) NOT NULL,
	"comment" varchar(1000),
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_report_steps_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "expense_report_steps_step_check" CHECK ("expense_report_steps"."step" in ('submitted', 'returned', 'validated', 'paid', 'cancelled')),
	CONSTRAINT "expense_report_steps_comment_check" CHECK ("expense_report_steps"."step" <> 'returned' or length(trim("expense_report_steps"."comment")) > 0)
);
--> statement-breakpoint
CREATE TABLE "expense_reports" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(20) NOT NULL,
	"member_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"payee_iban" varchar(34),
	"payee_bic" varchar(11),
	"total_gross_cents" bigint,
	"advance_settled_cents" bigint,
	"refund_cents" bigint,
	"validation_entry_id" uuid,
	"validated_at" timestamp with time zone,
	"validated_by" uuid,
	"paid_on" date,
	"payment_entry_id" uuid,
	"cancellation_entry_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_reports_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "expense_reports_number_key" UNIQUE("coop_id","number"),
	CONSTRAINT "expense_reports_status_check" CHECK ("expense_reports"."status" in ('draft', 'submitted', 'returned', 'validated', 'paid', 'cancelled')),
	CONSTRAINT "expense_reports_totals_check" CHECK (("expense_reports"."total_gross_cents" is null) = ("expense_reports"."validation_entry_id" is null) and ("expense_reports"."total_gross_cents" is null or ("expense_reports"."total_gross_cents" > 0 and "expense_reports"."advance_settled_cents" >= 0 and "expense_reports"."refund_cents" >= 0 and "expense_reports"."advance_settled_cents" + "expense_reports"."refund_cents" = "expense_reports"."total_gross_cents"))),
	CONSTRAINT "expense_reports_validated_check" CHECK ("expense_reports"."status" not in ('validated', 'paid', 'cancelled') or "expense_reports"."validation_entry_id" is not null),
	CONSTRAINT "expense_reports_paid_check" CHECK (("expense_reports"."status" = 'paid') = ("expense_reports"."paid_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "contribution_deductions" ADD CONSTRAINT "contribution_deductions_activity_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_advances" ADD CONSTRAINT "expense_advances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_advances" ADD CONSTRAINT "expense_advances_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_advances" ADD CONSTRAINT "expense_advances_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_coop_id_report_id_expense_reports_coop_id_id_fk" FOREIGN KEY ("coop_id","report_id") REFERENCES "public"."expense_reports"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_coop_id_category_id_spending_categories_coop_id_id_fk" FOREIGN KEY ("coop_id","category_id") REFERENCES "public"."spending_categories"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_report_steps" ADD CONSTRAINT "expense_report_steps_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_report_steps" ADD CONSTRAINT "expense_report_steps_coop_id_report_id_expense_reports_coop_id_id_fk" FOREIGN KEY ("coop_id","report_id") REFERENCES "public"."expense_reports"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_deductions_month_idx" ON "contribution_deductions" USING btree ("coop_id","activity_id","month");--> statement-breakpoint
CREATE INDEX "expense_advances_member_idx" ON "expense_advances" USING btree ("coop_id","member_id","activity_id");--> statement-breakpoint
CREATE INDEX "expense_lines_report_idx" ON "expense_lines" USING btree ("coop_id","report_id");--> statement-breakpoint
CREATE INDEX "expense_report_steps_report_idx" ON "expense_report_steps" USING btree ("coop_id","report_id","at");--> statement-breakpoint
CREATE INDEX "expense_reports_member_idx" ON "expense_reports" USING btree ("coop_id","member_id","created_at");--> statement-breakpoint
CREATE INDEX "expense_reports_status_idx" ON "expense_reports" USING btree ("coop_id","status","created_at");