CREATE TABLE "invoicing_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"member_validation_limit_cents" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoicing_settings_limit_check" CHECK ("invoicing_settings"."member_validation_limit_cents" is null or "invoicing_settings"."member_validation_limit_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoicing_settings" ADD CONSTRAINT "invoicing_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_coop_submitted_idx" ON "invoices" USING btree ("coop_id","submitted_at") WHERE "invoices"."status" = 'draft' and "invoices"."submitted_at" is not null;