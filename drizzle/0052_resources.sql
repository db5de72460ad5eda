CREATE TABLE "resource_booking_rules" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid,
	"kind" varchar(24),
	"position" integer DEFAULT 0 NOT NULL,
	"who_may_book" varchar(20) DEFAULT 'all_members' NOT NULL,
	"who_list" text[] DEFAULT array[]::text[] NOT NULL,
	"horizon_days" integer,
	"min_minutes" integer,
	"max_minutes" integer,
	"opening_hours_only" boolean DEFAULT false NOT NULL,
	"late_booking_minutes" integer,
	"cancellation_deadline_minutes" integer,
	"cancellation_fee_cents" bigint,
	"cancellation_fee_bp" integer,
	"max_concurrent_per_person" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_booking_rules_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_booking_rules_target_check" CHECK (("resource_booking_rules"."resource_id" is null) <> ("resource_booking_rules"."kind" is null)),
	CONSTRAINT "resource_booking_rules_who_check" CHECK ("resource_booking_rules"."who_may_book" in ('all_members', 'membership_types', 'plans', 'staff_only')),
	CONSTRAINT "resource_booking_rules_limits_check" CHECK (coalesce("resource_booking_rules"."horizon_days", 0) between 0 and 3650 and coalesce("resource_booking_rules"."min_minutes", 0) between 0 and 525600 and coalesce("resource_booking_rules"."max_minutes", 1) between 1 and 525600 and coalesce("resource_booking_rules"."late_booking_minutes", 0) between 0 and 525600 and coalesce("resource_booking_rules"."cancellation_deadline_minutes", 0) between 0 and 525600 and coalesce("resource_booking_rules"."cancellation_fee_cents", 0) between 0 and 10000000 and coalesce("resource_booking_rules"."cancellation_fee_bp", 0) between 0 and 10000 and coalesce("resource_booking_rules"."max_concurrent_per_person", 1) between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "resource_bookings" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
	"status" varchar(12) DEFAULT 'confirmed' NOT NULL,
	"member_id" uuid,
	"activity_id" uuid,
	"client_id" uuid,
	"booked_by" uuid NOT NULL,
	"title" varchar(200),
	"note" text,
	"recurrence_id" uuid,
	"price_cents" bigint NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	"paid_by" varchar(12) DEFAULT 'pay_per_use' NOT NULL,
	"billable_cents" bigint NOT NULL,
	"cancellation_fee_cents" bigint DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_bookings_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_bookings_range_check" CHECK ("resource_bookings"."starts_at" < "resource_bookings"."ends_at"),
	CONSTRAINT "resource_bookings_status_check" CHECK ("resource_bookings"."status" in ('confirmed', 'cancelled', 'no_show', 'completed')),
	CONSTRAINT "resource_bookings_booker_check" CHECK (("resource_bookings"."member_id" is not null and "resource_bookings"."activity_id" is not null and "resource_bookings"."client_id" is null) or ("resource_bookings"."member_id" is null and "resource_bookings"."activity_id" is null and "resource_bookings"."client_id" is not null)),
	CONSTRAINT "resource_bookings_paid_by_check" CHECK ("resource_bookings"."paid_by" in ('allowance', 'pay_per_use', 'free')),
	CONSTRAINT "resource_bookings_amounts_check" CHECK ("resource_bookings"."price_cents" between 0 and 100000000 and "resource_bookings"."billable_cents" between 0 and "resource_bookings"."price_cents" and "resource_bookings"."cancellation_fee_cents" between 0 and 100000000 and "resource_bookings"."vat_rate_bp" in (0, 210, 550, 1000, 2000)),
	CONSTRAINT "resource_bookings_cancelled_check" CHECK (("resource_bookings"."status" = 'cancelled') = ("resource_bookings"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "resource_price_rules" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"unit" varchar(10) NOT NULL,
	"member_price_cents" bigint NOT NULL,
	"non_member_price_cents" bigint NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	CONSTRAINT "resource_price_rules_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_price_rules_unit_key" UNIQUE("coop_id","resource_id","unit"),
	CONSTRAINT "resource_price_rules_unit_check" CHECK ("resource_price_rules"."unit" in ('hour', 'half_day', 'day', 'month')),
	CONSTRAINT "resource_price_rules_amounts_check" CHECK ("resource_price_rules"."member_price_cents" between 0 and 10000000 and "resource_price_rules"."non_member_price_cents" between 0 and 10000000),
	CONSTRAINT "resource_price_rules_vat_check" CHECK ("resource_price_rules"."vat_rate_bp" in (0, 210, 550, 1000, 2000))
);
--> statement-breakpoint
CREATE TABLE "resource_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"hide_booker_names" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_sites" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(120) NOT NULL,
	"address" varchar(300),
	"time_zone" varchar(64) DEFAULT 'Europe/Paris' NOT NULL,
	"opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_sites_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_sites_name_key" UNIQUE("coop_id","name")
);
--> statement-breakpoint
CREATE TABLE "resource_unavailabilities" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
	"reason" varchar(200) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_unavailabilities_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_unavailabilities_range_check" CHECK ("resource_unavailabilities"."starts_at" < "resource_unavailabilities"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"custom_kind_label" varchar(60),
	"name" varchar(120) NOT NULL,
	"description" text,
	"capacity" integer DEFAULT 1 NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deposit_cents" bigint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resources_name_key" UNIQUE("coop_id","site_id","name"),
	CONSTRAINT "resources_kind_check" CHECK ("resources"."kind" in ('hot_desk', 'dedicated_desk', 'private_office', 'meeting_room', 'van', 'equipment', 'custom')),
	CONSTRAINT "resources_custom_label_check" CHECK (("resources"."kind" = 'custom') = ("resources"."custom_kind_label" is not null)),
	CONSTRAINT "resources_capacity_check" CHECK ("resources"."capacity" between 1 and 1000),
	CONSTRAINT "resources_deposit_check" CHECK ("resources"."deposit_cents" between 0 and 10000000)
);
--> statement-breakpoint
ALTER TABLE "resource_booking_rules" ADD CONSTRAINT "resource_booking_rules_coop_id_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_coop_id_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_price_rules" ADD CONSTRAINT "resource_price_rules_coop_id_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_settings" ADD CONSTRAINT "resource_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_unavailabilities" ADD CONSTRAINT "resource_unavailabilities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_unavailabilities" ADD CONSTRAINT "resource_unavailabilities_coop_id_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_coop_id_site_id_resource_sites_coop_id_id_fk" FOREIGN KEY ("coop_id","site_id") REFERENCES "public"."resource_sites"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_booking_rules_target_idx" ON "resource_booking_rules" USING btree ("coop_id","resource_id","kind");--> statement-breakpoint
CREATE INDEX "resource_bookings_member_idx" ON "resource_bookings" USING btree ("coop_id","member_id","starts_at");--> statement-breakpoint
CREATE INDEX "resource_bookings_starts_idx" ON "resource_bookings" USING btree ("coop_id","starts_at");