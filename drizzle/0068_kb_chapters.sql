CREATE TABLE "kb_chapters" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"book_id" uuid NOT NULL,
	"name" varchar(120) NOT NULL,
	"slug" varchar(80) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_chapters_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "kb_chapters_slug_key" UNIQUE("coop_id","book_id","slug"),
	CONSTRAINT "kb_chapters_book_key" UNIQUE("coop_id","book_id","id"),
	CONSTRAINT "kb_chapters_position_check" CHECK ("kb_chapters"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "kb_pages" ADD COLUMN "chapter_id" uuid;--> statement-breakpoint
ALTER TABLE "kb_chapters" ADD CONSTRAINT "kb_chapters_coop_id_book_id_kb_books_coop_id_id_fk" FOREIGN KEY ("coop_id","book_id") REFERENCES "public"."kb_books"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_chapter_fk" FOREIGN KEY ("coop_id","book_id","chapter_id") REFERENCES "public"."kb_chapters"("coop_id","book_id","id") ON DELETE no action ON UPDATE no action;