CREATE TABLE "workclub_applications" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"member_id" uuid,
	"external_participant_id" uuid,
	"project_title" varchar(160) NOT NULL,
	"project_description" text NOT NULL,
	"status" varchar(12) DEFAULT 'submitted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_applications_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_applications_member_key" UNIQUE("coop_id","season_id","member_id"),
	CONSTRAINT "workclub_applications_external_key" UNIQUE("coop_id","season_id","external_participant_id"),
	CONSTRAINT "workclub_applications_person_check" CHECK (("workclub_applications"."member_id" is null) <> ("workclub_applications"."external_participant_id" is null)),
	CONSTRAINT "workclub_applications_status_check" CHECK ("workclub_applications"."status" in ('submitted', 'withdrawn', 'placed')),
	CONSTRAINT "workclub_applications_description_check" CHECK (length("workclub_applications"."project_description") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "workclub_external_participants" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"name" varchar(200) NOT NULL,
	"email" varchar(254) NOT NULL,
	"company" varchar(200) NOT NULL,
	"link_secret" varchar(64) NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_external_participants_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_external_participants_email_key" UNIQUE("coop_id","season_id","email")
);
--> statement-breakpoint
CREATE TABLE "workclub_goals" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"text" varchar(500) NOT NULL,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_goals_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_goals_status_check" CHECK ("workclub_goals"."status" in ('open', 'achieved', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "workclub_group_members" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"member_id" uuid,
	"external_participant_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_group_members_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_group_members_application_key" UNIQUE("coop_id","application_id"),
	CONSTRAINT "workclub_group_members_member_key" UNIQUE("coop_id","season_id","member_id"),
	CONSTRAINT "workclub_group_members_external_key" UNIQUE("coop_id","season_id","external_participant_id"),
	CONSTRAINT "workclub_group_members_person_check" CHECK (("workclub_group_members"."member_id" is null) <> ("workclub_group_members"."external_participant_id" is null))
);
--> statement-breakpoint
CREATE TABLE "workclub_groups" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"name" varchar(80) NOT NULL,
	"status" varchar(12) DEFAULT 'active' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_groups_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_groups_name_key" UNIQUE("coop_id","season_id","name"),
	CONSTRAINT "workclub_groups_status_check" CHECK ("workclub_groups"."status" in ('active', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "workclub_progress" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"report" text NOT NULL,
	"status" varchar(12) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_progress_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_progress_session_participant_key" UNIQUE("coop_id","session_id","participant_id"),
	CONSTRAINT "workclub_progress_status_check" CHECK ("workclub_progress"."status" in ('on_track', 'done', 'blocked')),
	CONSTRAINT "workclub_progress_report_check" CHECK (length("workclub_progress"."report") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "workclub_reviews" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"achieved" text NOT NULL,
	"rating" integer NOT NULL,
	"written_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_reviews_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_reviews_participant_key" UNIQUE("coop_id","participant_id"),
	CONSTRAINT "workclub_reviews_rating_check" CHECK ("workclub_reviews"."rating" between 1 and 5),
	CONSTRAINT "workclub_reviews_achieved_check" CHECK (length("workclub_reviews"."achieved") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "workclub_seasons" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(120) NOT NULL,
	"applications_open_on" date NOT NULL,
	"applications_close_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_seasons_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_seasons_coop_name_key" UNIQUE("coop_id","name"),
	CONSTRAINT "workclub_seasons_status_check" CHECK ("workclub_seasons"."status" in ('open', 'running', 'closed')),
	CONSTRAINT "workclub_seasons_window_check" CHECK ("workclub_seasons"."applications_close_on" >= "workclub_seasons"."applications_open_on"),
	CONSTRAINT "workclub_seasons_dates_check" CHECK ("workclub_seasons"."ends_on" > "workclub_seasons"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "workclub_sessions" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"place" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workclub_sessions_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "workclub_sessions_start_key" UNIQUE("coop_id","group_id","starts_at"),
	CONSTRAINT "workclub_sessions_duration_check" CHECK ("workclub_sessions"."duration_minutes" between 15 and 480)
);
--> statement-breakpoint
ALTER TABLE "workclub_applications" ADD CONSTRAINT "workclub_applications_coop_id_season_id_workclub_seasons_coop_id_id_fk" FOREIGN KEY ("coop_id","season_id") REFERENCES "public"."workclub_seasons"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_applications" ADD CONSTRAINT "workclub_applications_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_applications" ADD CONSTRAINT "workclub_applications_coop_id_external_participant_id_workclub_external_participants_coop_id_id_fk" FOREIGN KEY ("coop_id","external_participant_id") REFERENCES "public"."workclub_external_participants"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_external_participants" ADD CONSTRAINT "workclub_external_participants_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_external_participants" ADD CONSTRAINT "workclub_external_participants_coop_id_season_id_workclub_seasons_coop_id_id_fk" FOREIGN KEY ("coop_id","season_id") REFERENCES "public"."workclub_seasons"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_goals" ADD CONSTRAINT "workclub_goals_coop_id_participant_id_workclub_group_members_coop_id_id_fk" FOREIGN KEY ("coop_id","participant_id") REFERENCES "public"."workclub_group_members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_group_members" ADD CONSTRAINT "workclub_group_members_coop_id_season_id_workclub_seasons_coop_id_id_fk" FOREIGN KEY ("coop_id","season_id") REFERENCES "public"."workclub_seasons"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_group_members" ADD CONSTRAINT "workclub_group_members_coop_id_group_id_workclub_groups_coop_id_id_fk" FOREIGN KEY ("coop_id","group_id") REFERENCES "public"."workclub_groups"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_group_members" ADD CONSTRAINT "workclub_group_members_coop_id_application_id_workclub_applications_coop_id_id_fk" FOREIGN KEY ("coop_id","application_id") REFERENCES "public"."workclub_applications"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_group_members" ADD CONSTRAINT "workclub_group_members_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_group_members" ADD CONSTRAINT "workclub_group_members_coop_id_external_participant_id_workclub_external_participants_coop_id_id_fk" FOREIGN KEY ("coop_id","external_participant_id") REFERENCES "public"."workclub_external_participants"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_groups" ADD CONSTRAINT "workclub_groups_coop_id_season_id_workclub_seasons_coop_id_id_fk" FOREIGN KEY ("coop_id","season_id") REFERENCES "public"."workclub_seasons"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_progress" ADD CONSTRAINT "workclub_progress_coop_id_session_id_workclub_sessions_coop_id_id_fk" FOREIGN KEY ("coop_id","session_id") REFERENCES "public"."workclub_sessions"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_progress" ADD CONSTRAINT "workclub_progress_coop_id_participant_id_workclub_group_members_coop_id_id_fk" FOREIGN KEY ("coop_id","participant_id") REFERENCES "public"."workclub_group_members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_reviews" ADD CONSTRAINT "workclub_reviews_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_reviews" ADD CONSTRAINT "workclub_reviews_coop_id_participant_id_workclub_group_members_coop_id_id_fk" FOREIGN KEY ("coop_id","participant_id") REFERENCES "public"."workclub_group_members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_seasons" ADD CONSTRAINT "workclub_seasons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workclub_sessions" ADD CONSTRAINT "workclub_sessions_coop_id_group_id_workclub_groups_coop_id_id_fk" FOREIGN KEY ("coop_id","group_id") REFERENCES "public"."workclub_groups"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workclub_goals_participant_idx" ON "workclub_goals" USING btree ("coop_id","participant_id");--> statement-breakpoint
CREATE INDEX "workclub_group_members_group_idx" ON "workclub_group_members" USING btree ("coop_id","group_id");