CREATE TABLE "cochallenge_companies" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"cochallenge_id" uuid NOT NULL,
	"name" varchar(160) NOT NULL,
	"tags" text[] DEFAULT array[]::text[] NOT NULL,
	"contact_name" varchar(120),
	"contact_phone" varchar(40),
	"address" varchar(200),
	"slots" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cochallenge_companies_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "cochallenge_companies_name_key" UNIQUE("coop_id","cochallenge_id","name"),
	CONSTRAINT "cochallenge_companies_slots_check" CHECK ("cochallenge_companies"."slots" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "cochallenge_meetings" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"cochallenge_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"fit" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cochallenge_meetings_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "cochallenge_meetings_pair_round_key" UNIQUE("coop_id","pair_id","round"),
	CONSTRAINT "cochallenge_meetings_company_round_key" UNIQUE("coop_id","company_id","round"),
	CONSTRAINT "cochallenge_meetings_pair_company_key" UNIQUE("coop_id","pair_id","company_id"),
	CONSTRAINT "cochallenge_meetings_round_check" CHECK ("cochallenge_meetings"."round" between 0 and 47)
);
--> statement-breakpoint
CREATE TABLE "cochallenge_pairs" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"cochallenge_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"member_a_id" uuid NOT NULL,
	"member_b_id" uuid NOT NULL,
	CONSTRAINT "cochallenge_pairs_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "cochallenge_pairs_number_key" UNIQUE("coop_id","cochallenge_id","number"),
	CONSTRAINT "cochallenge_pairs_a_key" UNIQUE("coop_id","cochallenge_id","member_a_id"),
	CONSTRAINT "cochallenge_pairs_b_key" UNIQUE("coop_id","cochallenge_id","member_b_id"),
	CONSTRAINT "cochallenge_pairs_two_check" CHECK ("cochallenge_pairs"."member_a_id" <> "cochallenge_pairs"."member_b_id")
);
--> statement-breakpoint
CREATE TABLE "cochallenge_participants" (
	"coop_id" uuid NOT NULL,
	"cochallenge_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" varchar(12) NOT NULL,
	"pitch" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cochallenge_participants_coop_id_cochallenge_id_member_id_pk" PRIMARY KEY("coop_id","cochallenge_id","member_id"),
	CONSTRAINT "cochallenge_participants_role_check" CHECK ("cochallenge_participants"."role" in ('pitcher', 'profile', 'logistics'))
);
--> statement-breakpoint
CREATE TABLE "cochallenge_presentations" (
	"coop_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"profile_member_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "cochallenge_presentations_coop_id_meeting_id_profile_member_id_pk" PRIMARY KEY("coop_id","meeting_id","profile_member_id"),
	CONSTRAINT "cochallenge_presentations_company_profile_key" UNIQUE("coop_id","company_id","profile_member_id")
);
--> statement-breakpoint
CREATE TABLE "cochallenge_promises" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"cochallenge_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"profile_member_id" uuid NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"status" varchar(16) DEFAULT 'promised' NOT NULL,
	"quote_id" uuid,
	"notes" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cochallenge_promises_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "cochallenge_promises_key_key" UNIQUE("coop_id","idempotency_key"),
	CONSTRAINT "cochallenge_promises_meeting_profile_key" UNIQUE("coop_id","meeting_id","profile_member_id"),
	CONSTRAINT "cochallenge_promises_status_check" CHECK ("cochallenge_promises"."status" in ('promised', 'meeting_held', 'quote_sent', 'contract_signed', 'dropped')),
	CONSTRAINT "cochallenge_promises_quote_check" CHECK ("cochallenge_promises"."status" not in ('quote_sent', 'contract_signed') or "cochallenge_promises"."quote_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "cochallenges" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"name" varchar(120) NOT NULL,
	"day" date NOT NULL,
	"start_time" varchar(5) DEFAULT '09:00' NOT NULL,
	"meeting_minutes" integer DEFAULT 30 NOT NULL,
	"goal_promises" integer NOT NULL,
	"profiles_per_meeting" integer DEFAULT 6 NOT NULL,
	"status" varchar(12) DEFAULT 'preparing' NOT NULL,
	"plan_seed" integer,
	"plan_fit_score" integer,
	"planned_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cochallenges_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "cochallenges_name_key" UNIQUE("coop_id","name"),
	CONSTRAINT "cochallenges_status_check" CHECK ("cochallenges"."status" in ('preparing', 'planned', 'live', 'closed')),
	CONSTRAINT "cochallenges_numbers_check" CHECK ("cochallenges"."goal_promises" between 1 and 100000 and "cochallenges"."profiles_per_meeting" between 1 and 12 and "cochallenges"."meeting_minutes" between 5 and 240),
	CONSTRAINT "cochallenges_start_check" CHECK ("cochallenges"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "cochallenges_planned_check" CHECK ("cochallenges"."status" = 'preparing' or "cochallenges"."planned_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "cochallenge_companies" ADD CONSTRAINT "cochallenge_companies_coop_id_cochallenge_id_cochallenges_coop_id_id_fk" FOREIGN KEY ("coop_id","cochallenge_id") REFERENCES "public"."cochallenges"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_meetings" ADD CONSTRAINT "cochallenge_meetings_coop_id_cochallenge_id_cochallenges_coop_id_id_fk" FOREIGN KEY ("coop_id","cochallenge_id") REFERENCES "public"."cochallenges"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_meetings" ADD CONSTRAINT "cochallenge_meetings_coop_id_pair_id_cochallenge_pairs_coop_id_id_fk" FOREIGN KEY ("coop_id","pair_id") REFERENCES "public"."cochallenge_pairs"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_meetings" ADD CONSTRAINT "cochallenge_meetings_coop_id_company_id_cochallenge_companies_coop_id_id_fk" FOREIGN KEY ("coop_id","company_id") REFERENCES "public"."cochallenge_companies"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_pairs" ADD CONSTRAINT "cochallenge_pairs_coop_id_cochallenge_id_cochallenges_coop_id_id_fk" FOREIGN KEY ("coop_id","cochallenge_id") REFERENCES "public"."cochallenges"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_pairs" ADD CONSTRAINT "cochallenge_pairs_coop_id_cochallenge_id_member_a_id_cochallenge_participants_coop_id_cochallenge_id_member_id_fk" FOREIGN KEY ("coop_id","cochallenge_id","member_a_id") REFERENCES "public"."cochallenge_participants"("coop_id","cochallenge_id","member_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_pairs" ADD CONSTRAINT "cochallenge_pairs_coop_id_cochallenge_id_member_b_id_cochallenge_participants_coop_id_cochallenge_id_member_id_fk" FOREIGN KEY ("coop_id","cochallenge_id","member_b_id") REFERENCES "public"."cochallenge_participants"("coop_id","cochallenge_id","member_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_participants" ADD CONSTRAINT "cochallenge_participants_coop_id_cochallenge_id_cochallenges_coop_id_id_fk" FOREIGN KEY ("coop_id","cochallenge_id") REFERENCES "public"."cochallenges"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_participants" ADD CONSTRAINT "cochallenge_participants_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_presentations" ADD CONSTRAINT "cochallenge_presentations_coop_id_meeting_id_cochallenge_meetings_coop_id_id_fk" FOREIGN KEY ("coop_id","meeting_id") REFERENCES "public"."cochallenge_meetings"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_presentations" ADD CONSTRAINT "cochallenge_presentations_coop_id_profile_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","profile_member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_promises" ADD CONSTRAINT "cochallenge_promises_coop_id_cochallenge_id_cochallenges_coop_id_id_fk" FOREIGN KEY ("coop_id","cochallenge_id") REFERENCES "public"."cochallenges"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cochallenge_promises" ADD CONSTRAINT "cochallenge_promises_coop_id_meeting_id_profile_member_id_cochallenge_presentations_coop_id_meeting_id_profile_member_id_fk" FOREIGN KEY ("coop_id","meeting_id","profile_member_id") REFERENCES "public"."cochallenge_presentations"("coop_id","meeting_id","profile_member_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cochallenge_meetings_campaign_idx" ON "cochallenge_meetings" USING btree ("coop_id","cochallenge_id","round");--> statement-breakpoint
CREATE INDEX "cochallenge_promises_campaign_idx" ON "cochallenge_promises" USING btree ("coop_id","cochallenge_id","created_at");