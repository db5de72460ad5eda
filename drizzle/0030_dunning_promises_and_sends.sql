CREATE TABLE "dunning_pauses" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid,
	"client_id" uuid,
	"reason" varchar(16) NOT NULL,
	"note" varchar(500),
	"until" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resumed_at" timestamp with time zone,
	"resumed_by" uuid,
	CONSTRAINT "dunning_pauses_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "dunning_pauses_target_check" CHECK (("dunning_pauses"."invoice_id" is null) <> ("dunning_pauses"."client_id" is null)),
	CONSTRAINT "dunning_pauses_reason_check" CHECK ("dunning_pauses"."reason" in ('dispute', 'payment_plan', 'other'))
);
--> statement-breakpoint
CREATE TABLE "invoice_sends" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"mail_id" uuid NOT NULL,
	"to_address" varchar(254) NOT NULL,
	"cc_address" varchar(254),
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_sends_coop_id_id_pk" PRIMARY KEY("coop_id","id")
);
--> statement-breakpoint
ALTER TABLE "dunning_events" DROP CONSTRAINT "dunning_events_action_check";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "cc_address" varchar(254);--> statement-breakpoint
ALTER TABLE "dunning_events" ADD COLUMN "taken_on" date;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dunning_settings" ADD COLUMN "min_gap_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "sent_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "sent_back_comment" varchar(2000);--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "sent_mail_id" uuid;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "sent_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "sent_back_comment" varchar(2000);--> statement-breakpoint
ALTER TABLE "dunning_pauses" ADD CONSTRAINT "dunning_pauses_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_pauses" ADD CONSTRAINT "dunning_pauses_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_sends" ADD CONSTRAINT "invoice_sends_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_sends" ADD CONSTRAINT "invoice_sends_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dunning_pauses_coop_invoice_idx" ON "dunning_pauses" USING btree ("coop_id","invoice_id");--> statement-breakpoint
CREATE INDEX "dunning_pauses_coop_client_idx" ON "dunning_pauses" USING btree ("coop_id","client_id");--> statement-breakpoint
CREATE INDEX "invoice_sends_coop_invoice_idx" ON "invoice_sends" USING btree ("coop_id","invoice_id","created_at");--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_action_check" CHECK ("dunning_events"."action" in ('sent', 'skipped', 'no_email', 'recorded', 'pending', 'cancelled'));--> statement-breakpoint
ALTER TABLE "dunning_settings" ADD CONSTRAINT "dunning_settings_gap_check" CHECK ("dunning_settings"."min_gap_days" >= 0 and "dunning_settings"."min_gap_days" <= 90);--> statement-breakpoint
-- Steps taken before this migration: the day the client was written to is the day the step was recorded, in France.
UPDATE "dunning_events" SET "taken_on" = ("created_at" AT TIME ZONE 'Europe/Paris')::date WHERE "action" IN ('sent', 'no_email');
