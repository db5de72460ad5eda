ALTER TABLE "bank_statement_lines" ADD COLUMN "booked_by" varchar(32);--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD COLUMN "end_to_end_id" varchar(35);--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD COLUMN "batch_ref" varchar(35);--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD COLUMN "is_return" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD COLUMN "return_reason" varchar(35);--> statement-breakpoint
CREATE INDEX "bank_statement_lines_coop_end_to_end_idx" ON "bank_statement_lines" USING btree ("coop_id","end_to_end_id");--> statement-breakpoint
CREATE INDEX "bank_statement_lines_coop_batch_ref_idx" ON "bank_statement_lines" USING btree ("coop_id","batch_ref");