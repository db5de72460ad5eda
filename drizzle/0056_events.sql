CREATE TABLE "event_registrations" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"member_id" uuid,
	"guest_name" varchar(200),
	"guest_email" varchar(254),
	"status" varchar(16) NOT NULL,
	"waiting_position" integer,
	"attended" boolean,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "event_registrations_member_key" UNIQUE("coop_id","event_id","member_id"),
	CONSTRAINT "event_registrations_who_check" CHECK (("event_registrations"."member_id" is not null and "event_registrations"."guest_name" is null and "event_registrations"."guest_email" is null) or ("event_registrations"."member_id" is null and "event_registrations"."guest_name" is not null and "event_registrations"."guest_email" is not null)),
	CONSTRAINT "event_registrations_status_check" CHECK ("event_registrations"."status" in ('confirmed', 'waiting', 'cancelled') and ("event_registrations"."status" = 'waiting') = ("event_registrations"."waiting_position" is not null) and ("event_registrations"."waiting_position" is null or "event_registrations"."waiting_position" >= 1))
);
--> statement-breakpoint
CREATE TABLE "event_reminders_sent" (
	"coop_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_reminders_sent_coop_id_registration_id_kind_starts_at_pk" PRIMARY KEY("coop_id","registration_id","kind","starts_at")
);
--> statement-breakpoint
CREATE TABLE "event_theme_proposals" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" varchar(200) NOT NULL,
	"details" text,
	"proposed_by_member_id" uuid,
	"proposed_by_user_id" uuid,
	"would_host" boolean DEFAULT false NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_theme_proposals_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "event_theme_proposals_status_check" CHECK ("event_theme_proposals"."status" in ('open', 'scheduled', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "event_theme_votes" (
	"coop_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_theme_votes_coop_id_proposal_id_member_id_pk" PRIMARY KEY("coop_id","proposal_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(16) NOT NULL,
	"title" varchar(200) NOT NULL,
	"theme" varchar(200),
	"description" text,
	"host_member_id" uuid,
	"host_name" varchar(200),
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"registration_deadline" timestamp with time zone,
	"place" varchar(300),
	"online_url" varchar(500),
	"capacity" integer,
	"status" varchar(16) DEFAULT 'scheduled' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"proposal_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "events_kind_check" CHECK ("events"."kind" in ('colunch', 'workshop', 'meetup', 'open_day', 'other')),
	CONSTRAINT "events_status_check" CHECK ("events"."status" in ('scheduled', 'cancelled', 'done')),
	CONSTRAINT "events_times_check" CHECK ("events"."ends_at" > "events"."starts_at" and ("events"."registration_deadline" is null or "events"."registration_deadline" <= "events"."starts_at")),
	CONSTRAINT "events_capacity_check" CHECK ("events"."capacity" is null or "events"."capacity" between 1 and 10000),
	CONSTRAINT "events_host_check" CHECK (not ("events"."host_member_id" is not null and "events"."host_name" is not null))
);
--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_coop_id_event_id_events_coop_id_id_fk" FOREIGN KEY ("coop_id","event_id") REFERENCES "public"."events"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_reminders_sent" ADD CONSTRAINT "event_reminders_sent_coop_id_registration_id_event_registrations_coop_id_id_fk" FOREIGN KEY ("coop_id","registration_id") REFERENCES "public"."event_registrations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme_proposals" ADD CONSTRAINT "event_theme_proposals_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme_proposals" ADD CONSTRAINT "event_theme_proposals_coop_id_proposed_by_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","proposed_by_member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme_votes" ADD CONSTRAINT "event_theme_votes_coop_id_proposal_id_event_theme_proposals_coop_id_id_fk" FOREIGN KEY ("coop_id","proposal_id") REFERENCES "public"."event_theme_proposals"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme_votes" ADD CONSTRAINT "event_theme_votes_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_coop_id_host_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","host_member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_guest_key" ON "event_registrations" USING btree ("coop_id","event_id",lower("guest_email")) WHERE "event_registrations"."guest_email" is not null;--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("coop_id","event_id","status");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("coop_id","starts_at");