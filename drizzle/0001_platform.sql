CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" varchar(64) NOT NULL,
	"entity_type" varchar(64) NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb NOT NULL,
	"ip" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(20) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"user_id" uuid NOT NULL,
	"coop_id" uuid,
	"role" varchar(16),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "auth_tokens_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "auth_tokens_kind_check" CHECK ("auth_tokens"."kind" in ('password_reset', 'invitation'))
);
--> statement-breakpoint
CREATE TABLE "coop_roles" (
	"coop_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(16) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coop_roles_coop_id_user_id_role_pk" PRIMARY KEY("coop_id","user_id","role"),
	CONSTRAINT "coop_roles_role_check" CHECK ("coop_roles"."role" in ('admin', 'staff', 'member'))
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"ip" varchar(64) NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"coop_id" uuid,
	"csrf_token" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" varchar(64),
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"display_name" varchar(200) NOT NULL,
	"password_hash" text,
	"locale" varchar(5) DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid,
	"to_address" varchar(254) NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"template" varchar(64) NOT NULL,
	"status" varchar(16) DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_status_check" CHECK ("mail_outbox"."status" in ('queued', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "coops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(200) NOT NULL,
	"legal_form" varchar(32) NOT NULL,
	"siren" varchar(9) NOT NULL,
	"siret" varchar(14) NOT NULL,
	"vat_number" varchar(16) NOT NULL,
	"address_line1" varchar(200) NOT NULL,
	"address_line2" varchar(200),
	"postal_code" varchar(16) NOT NULL,
	"city" varchar(120) NOT NULL,
	"country" varchar(2) DEFAULT 'FR' NOT NULL,
	"email" varchar(254),
	"phone" varchar(40),
	"iban" varchar(34) NOT NULL,
	"bic" varchar(11) NOT NULL,
	"contribution_rate_bp" integer DEFAULT 1000 NOT NULL,
	"contribution_basis" varchar(16) DEFAULT 'validation' NOT NULL,
	"deal_bringer_rate_bp" integer DEFAULT 800 NOT NULL,
	"monthly_member_fee_cents" bigint DEFAULT 0 NOT NULL,
	"invoice_number_format" varchar(40) DEFAULT 'F{YYYY}-{SEQ:5}' NOT NULL,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"payment_terms_end_of_month" boolean DEFAULT false NOT NULL,
	"late_penalty_rate_bp" integer DEFAULT 1215 NOT NULL,
	"leaving_notice_months" integer DEFAULT 1 NOT NULL,
	"membership_types" text[] DEFAULT array['entrepreneur_salarie']::text[] NOT NULL,
	"poles" text[] DEFAULT array[]::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coops_rates_check" CHECK ("coops"."contribution_rate_bp" between 0 and 10000 and "coops"."deal_bringer_rate_bp" between 0 and 10000 and "coops"."late_penalty_rate_bp" between 0 and 10000),
	CONSTRAINT "coops_fee_check" CHECK ("coops"."monthly_member_fee_cents" >= 0),
	CONSTRAINT "coops_terms_check" CHECK ("coops"."payment_terms_days" between 0 and 60 and "coops"."leaving_notice_months" between 0 and 12),
	CONSTRAINT "coops_basis_check" CHECK ("coops"."contribution_basis" in ('validation', 'payment')),
	CONSTRAINT "coops_types_check" CHECK (cardinality("coops"."membership_types") > 0 and "coops"."membership_types" <@ array['entrepreneur_salarie', 'independent', 'coworker']::text[])
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_roles" ADD CONSTRAINT "coop_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_coop_at_idx" ON "audit_log" USING btree ("coop_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_coop_entity_idx" ON "audit_log" USING btree ("coop_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "auth_tokens_user_idx" ON "auth_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "coop_roles_user_idx" ON "coop_roles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "mail_outbox_coop_idx" ON "mail_outbox" USING btree ("coop_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coops_siren_key" ON "coops" USING btree ("siren");