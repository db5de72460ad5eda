CREATE TABLE "kb_answers" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"accepted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_answers_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "kb_answers_body_check" CHECK (length("kb_answers"."body") <= 20000)
);
--> statement-breakpoint
CREATE TABLE "kb_books" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"name" varchar(120) NOT NULL,
	"slug" varchar(80) NOT NULL,
	"description" varchar(500) DEFAULT '' NOT NULL,
	"visibility" varchar(8),
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_books_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "kb_books_slug_key" UNIQUE("coop_id","space_id","slug"),
	CONSTRAINT "kb_books_visibility_check" CHECK ("kb_books"."visibility" is null or "kb_books"."visibility" in ('staff', 'members', 'public'))
);
--> statement-breakpoint
CREATE TABLE "kb_page_revisions" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"restored_from" integer,
	"lines_added" integer NOT NULL,
	"lines_removed" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_page_revisions_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "kb_page_revisions_number_key" UNIQUE("coop_id","page_id","number"),
	CONSTRAINT "kb_page_revisions_number_check" CHECK ("kb_page_revisions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "kb_pages" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"book_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"slug" varchar(80) NOT NULL,
	"body" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"current_revision" integer NOT NULL,
	"search_text" text GENERATED ALWAYS AS (f_unaccent(lower(title || ' ' || body))) STORED,
	"archived_at" timestamp with time zone,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_pages_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "kb_pages_slug_key" UNIQUE("coop_id","book_id","slug"),
	CONSTRAINT "kb_pages_body_check" CHECK (length("kb_pages"."body") <= 100000),
	CONSTRAINT "kb_pages_revision_check" CHECK ("kb_pages"."current_revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "kb_questions" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"status" varchar(8) DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_questions_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "kb_questions_status_check" CHECK ("kb_questions"."status" in ('open', 'answered')),
	CONSTRAINT "kb_questions_body_check" CHECK (length("kb_questions"."body") <= 20000)
);
--> statement-breakpoint
CREATE TABLE "kb_space_shares" (
	"coop_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"shared_with_coop_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_space_shares_coop_id_space_id_shared_with_coop_id_pk" PRIMARY KEY("coop_id","space_id","shared_with_coop_id"),
	CONSTRAINT "kb_space_shares_other_coop_check" CHECK ("kb_space_shares"."shared_with_coop_id" <> "kb_space_shares"."coop_id")
);
--> statement-breakpoint
CREATE TABLE "kb_spaces" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(120) NOT NULL,
	"slug" varchar(80) NOT NULL,
	"description" varchar(500) DEFAULT '' NOT NULL,
	"visibility" varchar(8) NOT NULL,
	"members_can_edit" boolean DEFAULT false NOT NULL,
	"shared_with_network" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_spaces_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "kb_spaces_slug_key" UNIQUE("coop_id","slug"),
	CONSTRAINT "kb_spaces_visibility_check" CHECK ("kb_spaces"."visibility" in ('staff', 'members', 'public'))
);
--> statement-breakpoint
ALTER TABLE "kb_answers" ADD CONSTRAINT "kb_answers_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_answers" ADD CONSTRAINT "kb_answers_coop_id_question_id_kb_questions_coop_id_id_fk" FOREIGN KEY ("coop_id","question_id") REFERENCES "public"."kb_questions"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_books" ADD CONSTRAINT "kb_books_coop_id_space_id_kb_spaces_coop_id_id_fk" FOREIGN KEY ("coop_id","space_id") REFERENCES "public"."kb_spaces"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_page_revisions" ADD CONSTRAINT "kb_page_revisions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_page_revisions" ADD CONSTRAINT "kb_page_revisions_coop_id_page_id_kb_pages_coop_id_id_fk" FOREIGN KEY ("coop_id","page_id") REFERENCES "public"."kb_pages"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_coop_id_book_id_kb_books_coop_id_id_fk" FOREIGN KEY ("coop_id","book_id") REFERENCES "public"."kb_books"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_questions" ADD CONSTRAINT "kb_questions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_questions" ADD CONSTRAINT "kb_questions_coop_id_space_id_kb_spaces_coop_id_id_fk" FOREIGN KEY ("coop_id","space_id") REFERENCES "public"."kb_spaces"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_space_shares" ADD CONSTRAINT "kb_space_shares_shared_with_coop_id_coops_id_fk" FOREIGN KEY ("shared_with_coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_space_shares" ADD CONSTRAINT "kb_space_shares_coop_id_space_id_kb_spaces_coop_id_id_fk" FOREIGN KEY ("coop_id","space_id") REFERENCES "public"."kb_spaces"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_spaces" ADD CONSTRAINT "kb_spaces_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kb_answers_one_accepted_idx" ON "kb_answers" USING btree ("coop_id","question_id") WHERE "kb_answers"."accepted";--> statement-breakpoint
CREATE INDEX "kb_pages_search_idx" ON "kb_pages" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kb_questions_space_idx" ON "kb_questions" USING btree ("coop_id","space_id","created_at");--> statement-breakpoint
CREATE INDEX "kb_space_shares_reader_idx" ON "kb_space_shares" USING btree ("shared_with_coop_id");--> statement-breakpoint
CREATE INDEX "kb_spaces_network_idx" ON "kb_spaces" USING btree ("id") WHERE "kb_spaces"."shared_with_network";