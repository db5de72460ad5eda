CREATE TABLE "resource_check_ins" (
	"coop_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"checked_in_by" uuid NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	CONSTRAINT "resource_check_ins_coop_id_booking_id_pk" PRIMARY KEY("coop_id","booking_id")
);
--> statement-breakpoint
CREATE TABLE "resource_feeds" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"member_id" uuid,
	"resource_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "resource_feeds_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_feeds_token_key" UNIQUE("coop_id","token_hash"),
	CONSTRAINT "resource_feeds_owner_check" CHECK (("resource_feeds"."member_id" is null) <> ("resource_feeds"."resource_id" is null)),
	CONSTRAINT "resource_feeds_hash_check" CHECK ("resource_feeds"."token_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "resource_handover_photos" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"direction" varchar(3) NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"content_type" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_handover_photos_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_handover_photos_direction_check" CHECK ("resource_handover_photos"."direction" in ('out', 'in'))
);
--> statement-breakpoint
CREATE TABLE "resource_handovers" (
	"coop_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"out_at" timestamp with time zone NOT NULL,
	"out_by" uuid NOT NULL,
	"out_mileage_km" integer,
	"out_fuel_percent" integer,
	"out_notes" text,
	"in_at" timestamp with time zone,
	"in_by" uuid,
	"in_mileage_km" integer,
	"in_fuel_percent" integer,
	"in_notes" text,
	CONSTRAINT "resource_handovers_coop_id_booking_id_pk" PRIMARY KEY("coop_id","booking_id"),
	CONSTRAINT "resource_handovers_mileage_check" CHECK (coalesce("resource_handovers"."out_mileage_km", 0) between 0 and 9999999 and coalesce("resource_handovers"."in_mileage_km", 0) between 0 and 9999999),
	CONSTRAINT "resource_handovers_mileage_back_check" CHECK ("resource_handovers"."in_mileage_km" is null or "resource_handovers"."out_mileage_km" is null or "resource_handovers"."in_mileage_km" >= "resource_handovers"."out_mileage_km"),
	CONSTRAINT "resource_handovers_fuel_check" CHECK (coalesce("resource_handovers"."out_fuel_percent", 0) between 0 and 100 and coalesce("resource_handovers"."in_fuel_percent", 0) between 0 and 100),
	CONSTRAINT "resource_handovers_in_check" CHECK (("resource_handovers"."in_at" is null) = ("resource_handovers"."in_by" is null))
);
--> statement-breakpoint
CREATE TABLE "resource_waitlist" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" varchar(10) DEFAULT 'waiting' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "resource_waitlist_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_waitlist_range_check" CHECK ("resource_waitlist"."starts_at" < "resource_waitlist"."ends_at"),
	CONSTRAINT "resource_waitlist_status_check" CHECK ("resource_waitlist"."status" in ('waiting', 'notified', 'left')),
	CONSTRAINT "resource_waitlist_notified_check" CHECK (("resource_waitlist"."status" = 'notified') = ("resource_waitlist"."notified_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "resource_check_ins" ADD CONSTRAINT "resource_check_ins_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_check_ins" ADD CONSTRAINT "resource_check_ins_coop_id_booking_id_resource_bookings_coop_id_id_fk" FOREIGN KEY ("coop_id","booking_id") REFERENCES "public"."resource_bookings"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_feeds" ADD CONSTRAINT "resource_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_feeds" ADD CONSTRAINT "resource_feeds_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_feeds" ADD CONSTRAINT "resource_feeds_coop_id_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_handover_photos" ADD CONSTRAINT "resource_handover_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_handover_photos" ADD CONSTRAINT "resource_handover_photos_coop_id_booking_id_resource_handovers_coop_id_booking_id_fk" FOREIGN KEY ("coop_id","booking_id") REFERENCES "public"."resource_handovers"("coop_id","booking_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_handovers" ADD CONSTRAINT "resource_handovers_out_by_users_id_fk" FOREIGN KEY ("out_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_handovers" ADD CONSTRAINT "resource_handovers_in_by_users_id_fk" FOREIGN KEY ("in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_handovers" ADD CONSTRAINT "resource_handovers_coop_id_booking_id_resource_bookings_coop_id_id_fk" FOREIGN KEY ("coop_id","booking_id") REFERENCES "public"."resource_bookings"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_waitlist" ADD CONSTRAINT "resource_waitlist_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_waitlist" ADD CONSTRAINT "resource_waitlist_coop_id_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_waitlist" ADD CONSTRAINT "resource_waitlist_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_feeds_token_idx" ON "resource_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_feeds_member_live_key" ON "resource_feeds" USING btree ("coop_id","member_id") WHERE "resource_feeds"."revoked_at" is null and "resource_feeds"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_feeds_resource_live_key" ON "resource_feeds" USING btree ("coop_id","resource_id") WHERE "resource_feeds"."revoked_at" is null and "resource_feeds"."resource_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_waitlist_member_key" ON "resource_waitlist" USING btree ("coop_id","resource_id","member_id","starts_at","ends_at") WHERE "resource_waitlist"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "resource_waitlist_resource_idx" ON "resource_waitlist" USING btree ("coop_id","resource_id","starts_at");