ALTER TABLE "directory_profile_files" DROP CONSTRAINT "directory_profile_files_size_check";--> statement-breakpoint
ALTER TABLE "directory_profiles" ALTER COLUMN "visibility" SET DEFAULT '{"trade":"hidden","skills":"hidden","poles":"hidden","pitch":"hidden","links":"hidden","city":"hidden","availability":"hidden","languages":"hidden","email":"hidden","phone":"hidden","photo":"hidden"}'::jsonb;--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD COLUMN "kind" varchar(12) DEFAULT 'portfolio' NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD COLUMN "visibility" varchar(8) DEFAULT 'hidden' NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD COLUMN "uploaded_by" uuid;--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD CONSTRAINT "directory_profile_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "directory_profile_files_one_photo_key" ON "directory_profile_files" USING btree ("coop_id","member_id") WHERE "directory_profile_files"."kind" = 'photo';--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD CONSTRAINT "directory_profile_files_kind_check" CHECK ("directory_profile_files"."kind" in ('photo', 'portfolio'));--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD CONSTRAINT "directory_profile_files_visibility_check" CHECK ("directory_profile_files"."visibility" in ('hidden', 'members', 'public'));--> statement-breakpoint
ALTER TABLE "directory_profile_files" ADD CONSTRAINT "directory_profile_files_size_check" CHECK ("directory_profile_files"."size_bytes" > 0 and "directory_profile_files"."size_bytes" <= 104857600);