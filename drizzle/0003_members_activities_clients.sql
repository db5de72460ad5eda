CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" text,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "activities_coop_code_key" UNIQUE("coop_id","code"),
	CONSTRAINT "activities_status_check" CHECK ("activities"."status" in ('active', 'suspended', 'closed')),
	CONSTRAINT "activities_code_check" CHECK ("activities"."code" ~ '^[A-Z0-9][A-Z0-9_-]*$')
);
--> statement-breakpoint
CREATE TABLE "activity_members" (
	"coop_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"share_bp" integer NOT NULL,
	CONSTRAINT "activity_members_coop_id_activity_id_member_id_pk" PRIMARY KEY("coop_id","activity_id","member_id"),
	CONSTRAINT "activity_members_share_check" CHECK ("activity_members"."share_bp" > 0 and "activity_members"."share_bp" <= 10000)
);
--> statement-breakpoint
CREATE TABLE "client_activities" (
	"coop_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_activities_coop_id_client_id_activity_id_pk" PRIMARY KEY("coop_id","client_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "client_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"line1" varchar(200) NOT NULL,
	"line2" varchar(200),
	"postal_code" varchar(16) NOT NULL,
	"city" varchar(120) NOT NULL,
	"country" varchar(2) DEFAULT 'FR' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	CONSTRAINT "client_addresses_kind_check" CHECK ("client_addresses"."kind" in ('billing', 'delivery'))
);
--> statement-breakpoint
CREATE TABLE "client_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"first_name" varchar(100),
	"last_name" varchar(100) NOT NULL,
	"role" varchar(100),
	"email" varchar(254),
	"phone" varchar(40),
	"is_primary" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"name" varchar(200) NOT NULL,
	"legal_form" varchar(60),
	"siren" varchar(9),
	"siret" varchar(14),
	"vat_number" varchar(16),
	"email" varchar(254),
	"phone" varchar(40),
	"website" varchar(200),
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "clients_kind_check" CHECK ("clients"."kind" in ('company', 'individual')),
	CONSTRAINT "clients_company_ids_check" CHECK ("clients"."kind" = 'company' or ("clients"."siren" is null and "clients"."siret" is null))
);
--> statement-breakpoint
CREATE TABLE "member_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"title" varchar(200) NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"content_type" varchar(100) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"signed_on" date,
	"year" integer,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_documents_coop_key" UNIQUE("coop_id","storage_key"),
	CONSTRAINT "member_documents_kind_check" CHECK ("member_documents"."kind" in ('charter', 'fiscal_statement', 'balance_sheet', 'contract', 'identity', 'other')),
	CONSTRAINT "member_documents_size_check" CHECK ("member_documents"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "member_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16) NOT NULL,
	"effective_date" date NOT NULL,
	"note" text,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop_id" uuid NOT NULL,
	"user_id" uuid,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"email" varchar(254) NOT NULL,
	"phone" varchar(40),
	"membership_type" varchar(24) NOT NULL,
	"status" varchar(16) DEFAULT 'candidate' NOT NULL,
	"status_since" date NOT NULL,
	"pole" varchar(60),
	"skills" text[] DEFAULT array[]::text[] NOT NULL,
	"trades" text[] DEFAULT array[]::text[] NOT NULL,
	"advisor_user_id" uuid,
	"bio" text,
	"address_line1" varchar(200),
	"address_line2" varchar(200),
	"postal_code" varchar(16),
	"city" varchar(120),
	"company_name" varchar(200),
	"siret" varchar(14),
	"support_start_date" date,
	"support_end_date" date,
	"employment_start_date" date,
	"associate_since" date,
	"notice_date" date,
	"leaving_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_coop_id_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "members_coop_email_key" UNIQUE("coop_id","email"),
	CONSTRAINT "members_coop_user_key" UNIQUE("coop_id","user_id"),
	CONSTRAINT "members_type_check" CHECK ("members"."membership_type" in ('entrepreneur_salarie', 'independent', 'coworker')),
	CONSTRAINT "members_status_check" CHECK ("members"."status" in ('candidate', 'in_support', 'employee', 'associate', 'active', 'leaving', 'left')),
	CONSTRAINT "members_support_dates_check" CHECK ("members"."support_end_date" is null or "members"."support_start_date" is null or "members"."support_end_date" >= "members"."support_start_date")
);
--> statement-breakpoint
ALTER TABLE "activity_members" ADD CONSTRAINT "activity_members_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_members" ADD CONSTRAINT "activity_members_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_activities" ADD CONSTRAINT "client_activities_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_activities" ADD CONSTRAINT "client_activities_coop_id_activity_id_activities_coop_id_id_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_addresses" ADD CONSTRAINT "client_addresses_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_contacts" ADD CONSTRAINT "client_contacts_coop_id_client_id_clients_coop_id_id_fk" FOREIGN KEY ("coop_id","client_id") REFERENCES "public"."clients"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_documents" ADD CONSTRAINT "member_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_documents" ADD CONSTRAINT "member_documents_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_status_changes" ADD CONSTRAINT "member_status_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_status_changes" ADD CONSTRAINT "member_status_changes_coop_id_member_id_members_coop_id_id_fk" FOREIGN KEY ("coop_id","member_id") REFERENCES "public"."members"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_members_member_idx" ON "activity_members" USING btree ("coop_id","member_id");--> statement-breakpoint
CREATE INDEX "client_activities_activity_idx" ON "client_activities" USING btree ("coop_id","activity_id");--> statement-breakpoint
CREATE INDEX "client_addresses_client_idx" ON "client_addresses" USING btree ("coop_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_addresses_default_key" ON "client_addresses" USING btree ("coop_id","client_id","kind") WHERE "client_addresses"."is_default";--> statement-breakpoint
CREATE INDEX "client_contacts_client_idx" ON "client_contacts" USING btree ("coop_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_coop_siren_key" ON "clients" USING btree ("coop_id","siren") WHERE "clients"."siren" is not null;--> statement-breakpoint
CREATE INDEX "clients_coop_name_idx" ON "clients" USING btree ("coop_id","name");--> statement-breakpoint
CREATE INDEX "member_documents_member_idx" ON "member_documents" USING btree ("coop_id","member_id");--> statement-breakpoint
CREATE INDEX "member_status_changes_member_idx" ON "member_status_changes" USING btree ("coop_id","member_id","at");--> statement-breakpoint
CREATE INDEX "members_coop_status_idx" ON "members" USING btree ("coop_id","status");--> statement-breakpoint
CREATE INDEX "members_coop_name_idx" ON "members" USING btree ("coop_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "members_skills_idx" ON "members" USING gin ("skills");