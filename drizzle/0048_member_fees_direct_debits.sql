CREATE TABLE "collection_items" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"fee_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"end_to_end_id" varchar(35) NOT NULL,
	"sequence_type" varchar(4) NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"return_code" varchar(4),
	"returned_on" date,
	"payment_entry_id" uuid,
	"mandate_revoked" boolean DEFAULT false NOT NULL,
	"prenotified_at" timestamp with time zone,
	CONSTRAINT "collection_items_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "collection_items_end_to_end_key" UNIQUE("coop_id","end_to_end_id"),
	CONSTRAINT "collection_items_amount_check" CHECK ("collection_items"."amount_cents" > 0 and "collection_items"."amount_cents" <= 10000000),
	CONSTRAINT "collection_items_status_check" CHECK ("collection_items"."status" in ('pending', 'paid', 'returned') and "collection_items"."sequence_type" in ('FRST', 'RCUR') and ("collection_items"."status" = 'returned') = ("collection_items"."return_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "collections" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"message_id" varchar(35) NOT NULL,
	"collection_date" date NOT NULL,
	"pain_version" varchar(16) NOT NULL,
	"creditor_id" varchar(35) NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"item_count" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collections_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "collections_message_key" UNIQUE("coop_id","message_id"),
	CONSTRAINT "collections_amounts_check" CHECK ("collections"."item_count" > 0 and "collections"."total_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "fee_runs" (
	"coop_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_runs_coop_id_month_pk" PRIMARY KEY("coop_id","month")
);
--> statement-breakpoint
CREATE TABLE "fee_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"billed_types" text[] DEFAULT array['independent', 'coworker']::text[] NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	"creditor_id" varchar(35),
	"prenotification_days" integer DEFAULT 14 NOT NULL,
	"pain_version" varchar(16) DEFAULT 'pain.008.001.08' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_settings_vat_check" CHECK ("fee_settings"."vat_rate_bp" in (0, 210, 550, 1000, 2000)),
	CONSTRAINT "fee_settings_prenotification_check" CHECK ("fee_settings"."prenotification_days" between 2 and 30),
	CONSTRAINT "fee_settings_version_check" CHECK ("fee_settings"."pain_version" in ('pain.008.001.08', 'pain.008.001.02')),
	CONSTRAINT "fee_settings_types_check" CHECK ("fee_settings"."billed_types" <@ array['entrepreneur_salarie', 'independent', 'coworker']::text[])
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"reference" varchar(35) NOT NULL,
	"debtor_name" varchar(70) NOT NULL,
	"iban" varchar(34) NOT NULL,
	"bic" varchar(11),
	"signed_on" date NOT NULL,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"last_collected_on" date,
	"amended_from_iban" varchar(34),
	"revoked_on" date,
	"revoked_reason" varchar(200),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandates_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "mandates_reference_key" UNIQUE("coop_id","reference"),
	CONSTRAINT "mandates_status_check" CHECK ("mandates"."status" in ('active', 'revoked') and ("mandates"."status" = 'revoked') = ("mandates"."revoked_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "member_fee_overrides" (
	"coop_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_fee_overrides_coop_id_member_id_pk" PRIMARY KEY("coop_id","member_id"),
	CONSTRAINT "member_fee_overrides_amount_check" CHECK ("member_fee_overrides"."amount_cents" between 0 and 10000000)
);
--> statement-breakpoint
CREATE TABLE "member_fees" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"number" varchar(40) NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"vat_cents" bigint NOT NULL,
	"gross_cents" bigint NOT NULL,
	"status" varchar(16) DEFAULT 'unpaid' NOT NULL,
	"sales_entry_id" uuid NOT NULL,
	"paid_on" date,
	"payment_entry_id" uuid,
	"last_return_code" varchar(4),
	"storage_key" varchar(300) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_fees_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "member_fees_month_key" UNIQUE("coop_id","member_id","month"),
	CONSTRAINT "member_fees_number_key" UNIQUE("coop_id","number"),
	CONSTRAINT "member_fees_month_check" CHECK ("member_fees"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "member_fees_amounts_check" CHECK ("member_fees"."net_cents" > 0 and "member_fees"."net_cents" <= 10000000 and "member_fees"."vat_cents" >= 0 and "member_fees"."gross_cents" = "member_fees"."net_cents" + "member_fees"."vat_cents" and "member_fees"."vat_rate_bp" in (0, 210, 550, 1000, 2000)),
	CONSTRAINT "member_fees_status_check" CHECK ("member_fees"."status" in ('unpaid', 'paid') and ("member_fees"."status" = 'paid') = ("member_fees"."paid_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_coop_id_collection_id_collections_coop_id_id_fk" FOREIGN KEY ("coop_id","collection_id") REFERENCES "public"."collections"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_coop_id_fee_id_member_fees_coop_id_id_fk" FOREIGN KEY ("coop_id","fee_id") REFERENCES "public"."member_fees"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_coop_id_mandate_id_mandates_coop_id_id_fk" FOREIGN KEY ("coop_id","mandate_id") REFERENCES "public"."mandates"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_settings" ADD CONSTRAINT "fee_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_fee_overrides" ADD CONSTRAINT "member_fee_overrides_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_fees" ADD CONSTRAINT "member_fees_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "collection_items_live_fee_key" ON "collection_items" USING btree ("coop_id","fee_id") WHERE "collection_items"."status" <> 'returned';--> statement-breakpoint
CREATE INDEX "collection_items_collection_idx" ON "collection_items" USING btree ("coop_id","collection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_active_member_key" ON "mandates" USING btree ("coop_id","member_id") WHERE "mandates"."status" = 'active';--> statement-breakpoint
CREATE INDEX "member_fees_status_idx" ON "member_fees" USING btree ("coop_id","status","due_date");