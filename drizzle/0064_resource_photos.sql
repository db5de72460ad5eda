CREATE TABLE "resource_photos" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"content_type" varchar(20) NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_photos_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "resource_photos_type_check" CHECK ("resource_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "resource_photos_size_check" CHECK ("resource_photos"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "resource_photos" ADD CONSTRAINT "resource_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_photos" ADD CONSTRAINT "resource_photos_coop_id_resource_id_resources_coop_id_id_fk" FOREIGN KEY ("coop_id","resource_id") REFERENCES "public"."resources"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_photos_resource_idx" ON "resource_photos" USING btree ("coop_id","resource_id","created_at");