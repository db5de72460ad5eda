CREATE TABLE "resource_billing_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"mode" varchar(20) DEFAULT 'internal_charge' NOT NULL,
	"client_activity_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_billing_settings_mode_check" CHECK ("resource_billing_settings"."mode" in ('internal_charge', 'member_invoice'))
);
--> statement-breakpoint
ALTER TABLE "member_fees" DROP CONSTRAINT "member_fees_month_key";--> statement-breakpoint
ALTER TABLE "member_fees" DROP CONSTRAINT "member_fees_month_check";--> statement-breakpoint
ALTER TABLE "member_fees" ADD COLUMN "kind" varchar(16) DEFAULT 'fee' NOT NULL;--> statement-breakpoint
ALTER TABLE "resource_billing_items" ADD COLUMN "document_number" varchar(40);--> statement-breakpoint
ALTER TABLE "resource_billing_settings" ADD CONSTRAINT "resource_billing_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_billing_settings" ADD CONSTRAINT "resource_billing_settings_coop_id_client_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","client_activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_fees_month_key" ON "member_fees" USING btree ("coop_id","member_id","month") WHERE "member_fees"."kind" = 'fee';--> statement-breakpoint
ALTER TABLE "member_fees" ADD CONSTRAINT "member_fees_month_check" CHECK ("member_fees"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "member_fees"."kind" in ('fee', 'resources'));