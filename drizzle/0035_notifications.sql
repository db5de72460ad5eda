CREATE TABLE "notification_cursors" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"watermark" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_digests" (
	"coop_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"mail_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_digests_coop_id_user_id_day_pk" PRIMARY KEY("coop_id","user_id","day")
);
--> statement-breakpoint
CREATE TABLE "notification_fanout_seen" (
	"coop_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_fanout_seen_coop_id_audit_id_pk" PRIMARY KEY("coop_id","audit_id")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"coop_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"mail_mode" varchar(8) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_coop_id_user_id_pk" PRIMARY KEY("coop_id","user_id"),
	CONSTRAINT "notification_preferences_mail_mode_check" CHECK ("notification_preferences"."mail_mode" in ('each', 'daily', 'none'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"action" varchar(64) NOT NULL,
	"entity_type" varchar(64) NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"mail_mode" varchar(8) NOT NULL,
	"mailed_at" timestamp with time zone,
	"mail_id" uuid,
	CONSTRAINT "notifications_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "notifications_recipient_audit_key" UNIQUE("coop_id","user_id","audit_id"),
	CONSTRAINT "notifications_mail_mode_check" CHECK ("notifications"."mail_mode" in ('each', 'daily', 'none'))
);
--> statement-breakpoint
ALTER TABLE "notification_cursors" ADD CONSTRAINT "notification_cursors_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_coop_id_audit_id_audit_log_coop_id_id_fk" FOREIGN KEY ("coop_id","audit_id") REFERENCES "public"."audit_log"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_fanout_seen_at_idx" ON "notification_fanout_seen" USING btree ("coop_id","at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("coop_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("coop_id","user_id") WHERE "notifications"."mail_mode" = 'daily' and "notifications"."mailed_at" is null and "notifications"."read_at" is null;