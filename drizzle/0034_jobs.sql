CREATE TABLE "client_jobs" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"reference" varchar(40) NOT NULL,
	"client_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"bringer_member_id" uuid,
	"bringer_activity_id" uuid,
	"commission_rate_bp" integer NOT NULL,
	"margin_rate_bp" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "client_jobs_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "client_jobs_coop_reference_key" UNIQUE("coop_id","reference"),
	CONSTRAINT "client_jobs_status_check" CHECK ("client_jobs"."status" in ('open', 'closed')),
	CONSTRAINT "client_jobs_rates_check" CHECK ("client_jobs"."commission_rate_bp" between 0 and 10000 and "client_jobs"."margin_rate_bp" between 0 and 10000 and "client_jobs"."commission_rate_bp" + "client_jobs"."margin_rate_bp" <= 10000),
	CONSTRAINT "client_jobs_bringer_check" CHECK (("client_jobs"."bringer_member_id" is null) = ("client_jobs"."bringer_activity_id" is null)),
	CONSTRAINT "client_jobs_closed_check" CHECK (("client_jobs"."status" = 'closed') = ("client_jobs"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "job_commission_postings" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"source_type" varchar(40) NOT NULL,
	"source_id" uuid,
	"payer_activity_id" uuid NOT NULL,
	"bringer_activity_id" uuid NOT NULL,
	"commission_cents" bigint NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_commission_postings_coop_id_id_pk" PRIMARY KEY("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_participants" (
	"coop_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"share_bp" integer NOT NULL,
	CONSTRAINT "job_participants_coop_id_job_id_activity_id_pk" PRIMARY KEY("coop_id","job_id","activity_id"),
	CONSTRAINT "job_participants_share_check" CHECK ("job_participants"."share_bp" > 0 and "job_participants"."share_bp" <= 10000 and "job_participants"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "job_revenue_parts" (
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"job_id" uuid NOT NULL,
	"activity_id" uuid,
	"share_bp" integer,
	"revenue_cents" bigint NOT NULL,
	"commission_cents" bigint NOT NULL,
	"margin_rate_bp" integer NOT NULL,
	"commission_rate_bp" integer NOT NULL,
	"bringer_activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_revenue_parts_coop_id_invoice_id_position_pk" PRIMARY KEY("coop_id","invoice_id","position"),
	CONSTRAINT "job_revenue_parts_share_check" CHECK (("job_revenue_parts"."activity_id" is null) = ("job_revenue_parts"."share_bp" is null) and coalesce("job_revenue_parts"."share_bp", 1) between 1 and 10000 and "job_revenue_parts"."position" >= 0),
	CONSTRAINT "job_revenue_parts_rates_check" CHECK ("job_revenue_parts"."margin_rate_bp" between 0 and 10000 and "job_revenue_parts"."commission_rate_bp" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "client_jobs" ADD CONSTRAINT "client_jobs_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_jobs" ADD CONSTRAINT "client_jobs_coop_id_bringer_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","bringer_member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_jobs" ADD CONSTRAINT "client_jobs_coop_id_bringer_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","bringer_activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_commission_postings" ADD CONSTRAINT "job_commission_postings_coop_id_job_id_client_jobs_coop_id_id_fk" FOREIGN KEY ("coop_id","job_id") REFERENCES "public"."client_jobs"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_commission_postings" ADD CONSTRAINT "job_commission_postings_coop_id_payer_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","payer_activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_commission_postings" ADD CONSTRAINT "job_commission_postings_coop_id_bringer_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","bringer_activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_participants" ADD CONSTRAINT "job_participants_coop_id_job_id_client_jobs_coop_id_id_fk" FOREIGN KEY ("coop_id","job_id") REFERENCES "public"."client_jobs"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_participants" ADD CONSTRAINT "job_participants_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_revenue_parts" ADD CONSTRAINT "job_revenue_parts_coop_id_job_id_client_jobs_coop_id_id_fk" FOREIGN KEY ("coop_id","job_id") REFERENCES "public"."client_jobs"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_revenue_parts" ADD CONSTRAINT "job_revenue_parts_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_revenue_parts" ADD CONSTRAINT "job_revenue_parts_coop_id_bringer_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","bringer_activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_jobs_coop_created_idx" ON "client_jobs" USING btree ("coop_id","created_at");--> statement-breakpoint
CREATE INDEX "client_jobs_coop_bringer_idx" ON "client_jobs" USING btree ("coop_id","bringer_member_id");--> statement-breakpoint
CREATE INDEX "job_commission_postings_invoice_idx" ON "job_commission_postings" USING btree ("coop_id","invoice_id");--> statement-breakpoint
CREATE INDEX "job_commission_postings_job_idx" ON "job_commission_postings" USING btree ("coop_id","job_id");--> statement-breakpoint
CREATE INDEX "job_participants_activity_idx" ON "job_participants" USING btree ("coop_id","activity_id");--> statement-breakpoint
CREATE INDEX "job_revenue_parts_job_idx" ON "job_revenue_parts" USING btree ("coop_id","job_id");--> statement-breakpoint
CREATE INDEX "job_revenue_parts_activity_idx" ON "job_revenue_parts" USING btree ("coop_id","activity_id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_coop_id_job_id_client_jobs_coop_id_id_fk" FOREIGN KEY ("coop_id","job_id") REFERENCES "public"."client_jobs"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_coop_id_job_id_client_jobs_coop_id_id_fk" FOREIGN KEY ("coop_id","job_id") REFERENCES "public"."client_jobs"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_coop_job_idx" ON "invoices" USING btree ("coop_id","job_id");--> statement-breakpoint
CREATE INDEX "quotes_coop_job_idx" ON "quotes" USING btree ("coop_id","job_id");--> statement-breakpoint
-- The shares of a job's participants add up to 100 % (10,000 basis points), like the holders'
-- shares of an activity (0004). Checked at commit (deferred), so a transaction may rewrite the
-- participants row by row; a job with no participant yet is allowed (total 0).
CREATE OR REPLACE FUNCTION job_participants_check_shares() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total integer;
  v_coop uuid := coalesce(NEW.coop_id, OLD.coop_id);
  v_job uuid := coalesce(NEW.job_id, OLD.job_id);
BEGIN
  SELECT coalesce(sum(share_bp), 0) INTO total FROM job_participants WHERE coop_id = v_coop AND job_id = v_job;
  IF total <> 0 AND total <> 10000 THEN
    RAISE EXCEPTION 'shares of job % add up to % basis points, not 10000', v_job, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'job_participants_shares_sum';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER job_participants_shares_sum AFTER INSERT OR UPDATE OR DELETE ON job_participants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION job_participants_check_shares();
