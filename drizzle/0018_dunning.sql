CREATE TABLE "dunning_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"action" varchar(16) NOT NULL,
	"due_on" date NOT NULL,
	"idempotency_key" varchar(100) NOT NULL,
	"amount_left_cents" bigint NOT NULL,
	"mail_id" uuid,
	"recipient" varchar(254),
	"letter_storage_key" varchar(300),
	"letter_sha256" varchar(64),
	"triggered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dunning_events_coop_key" UNIQUE("coop_id","idempotency_key"),
	CONSTRAINT "dunning_events_coop_invoice_step_key" UNIQUE("coop_id","invoice_id","step_index"),
	CONSTRAINT "dunning_events_kind_check" CHECK ("dunning_events"."kind" in ('reminder', 'formal_notice', 'recovery')),
	CONSTRAINT "dunning_events_action_check" CHECK ("dunning_events"."action" in ('sent', 'skipped', 'no_email', 'recorded')),
	CONSTRAINT "dunning_events_step_check" CHECK ("dunning_events"."step_index" >= 0 and "dunning_events"."amount_left_cents" >= 0),
	CONSTRAINT "dunning_events_mail_check" CHECK ("dunning_events"."mail_id" is null or "dunning_events"."action" = 'sent'),
	CONSTRAINT "dunning_events_letter_check" CHECK (("dunning_events"."letter_storage_key" is null) = ("dunning_events"."letter_sha256" is null))
);
--> statement-breakpoint
CREATE TABLE "dunning_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"steps" jsonb DEFAULT '[{"day":7,"kind":"reminder"},{"day":30,"kind":"reminder"},{"day":45,"kind":"formal_notice"},{"day":60,"kind":"recovery"}]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dunning_settings_steps_check" CHECK (jsonb_typeof("dunning_settings"."steps") = 'array' and jsonb_array_length("dunning_settings"."steps") <= 10)
);
--> statement-breakpoint
CREATE TABLE "recovery_cases" (
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"last_exported_at" timestamp with time zone,
	"last_exported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_cases_coop_id_invoice_id_pk" PRIMARY KEY("coop_id","invoice_id")
);
--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_settings" ADD CONSTRAINT "dunning_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dunning_events_coop_created_idx" ON "dunning_events" USING btree ("coop_id","created_at");