ALTER TABLE "advances" ALTER COLUMN "invoice_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "advance_fund_settings" ADD COLUMN "quotes_accepted_online_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "advances" ADD COLUMN "quote_id" uuid;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_coop_id_quote_id_quotes_coop_id_id_fk" FOREIGN KEY ("coop_id","quote_id") REFERENCES "public"."quotes"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advances_open_quote_key" ON "advances" USING btree ("coop_id","quote_id") WHERE "advances"."status" in ('requested', 'approved', 'paid');--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_document_check" CHECK (("advances"."invoice_id" is null) <> ("advances"."quote_id" is null));