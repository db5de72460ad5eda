CREATE TABLE "directory_profile_files" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"content_type" varchar(100) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_profile_files_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "directory_profile_files_key" UNIQUE("coop_id","storage_key"),
	CONSTRAINT "directory_profile_files_size_check" CHECK ("directory_profile_files"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "directory_profiles" (
	"coop_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"name" varchar(201) NOT NULL,
	"name_sort" varchar(201) NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"visibility" jsonb DEFAULT '{"trade":"hidden","skills":"hidden","poles":"hidden","pitch":"hidden","links":"hidden","files":"hidden","city":"hidden","availability":"hidden","languages":"hidden","email":"hidden","phone":"hidden","photo":"hidden"}'::jsonb NOT NULL,
	"trade" varchar(120),
	"skills" text[] DEFAULT array[]::text[] NOT NULL,
	"skills_norm" text[] DEFAULT array[]::text[] NOT NULL,
	"poles" text[] DEFAULT array[]::text[] NOT NULL,
	"sectors" text[] DEFAULT array[]::text[] NOT NULL,
	"pitch" varchar(600),
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"city" varchar(120),
	"city_norm" varchar(120),
	"availability" varchar(12),
	"availability_note" varchar(200),
	"languages" text[] DEFAULT array[]::text[] NOT NULL,
	"email" varchar(254),
	"phone" varchar(40),
	"search_staff" text DEFAULT '' NOT NULL,
	"search_members" text DEFAULT '' NOT NULL,
	"search_public" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_profiles_coop_id_member_id_pk" PRIMARY KEY("coop_id","member_id"),
	CONSTRAINT "directory_profiles_availability_check" CHECK ("directory_profiles"."availability" is null or "directory_profiles"."availability" in ('available', 'partly', 'unavailable')),
	CONSTRAINT "directory_profiles_sizes_check" CHECK (cardinality("directory_profiles"."skills") <= 30 and cardinality("directory_profiles"."poles") <= 10 and cardinality("directory_profiles"."sectors") <= 10 and cardinality("directory_profiles"."languages") <= 10 and jsonb_array_length("directory_profiles"."links") <= 10)
);
--> statement-breakpoint
CREATE TABLE "directory_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"public_directory" boolean DEFAULT false NOT NULL,
	"public_slug" varchar(60),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_settings_slug_key" UNIQUE("public_slug"),
	CONSTRAINT "directory_settings_slug_check" CHECK ("directory_settings"."public_slug" is null or "directory_settings"."public_slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "directory_settings_published_check" CHECK (not "directory_settings"."public_directory" or "directory_settings"."public_slug" is not null)
);
--> statement-breakpoint
CREATE TABLE "directory_skills" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" varchar(60) NOT NULL,
	"normalized" varchar(60) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_skills_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "directory_skills_coop_normalized_key" UNIQUE("coop_id","normalized")
);
--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD CONSTRAINT "directory_profile_files_coop_id_member_id_directory_profiles_coop_id_member_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."directory_profiles"("coop_id","member_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_profiles" ADD CONSTRAINT "directory_profiles_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_settings" ADD CONSTRAINT "directory_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_skills" ADD CONSTRAINT "directory_skills_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_profile_files_member_idx" ON "directory_profile_files" USING btree ("coop_id","member_id");--> statement-breakpoint
CREATE INDEX "directory_profiles_name_idx" ON "directory_profiles" USING btree ("coop_id","name_sort","member_id");--> statement-breakpoint
CREATE INDEX "directory_profiles_search_staff_idx" ON "directory_profiles" USING gin ("search_staff" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "directory_profiles_search_members_idx" ON "directory_profiles" USING gin ("search_members" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "directory_profiles_search_public_idx" ON "directory_profiles" USING gin ("search_public" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "directory_profiles_skills_idx" ON "directory_profiles" USING gin ("skills_norm");