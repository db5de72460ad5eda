CREATE TABLE "invoice_files" (
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"size" integer NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_files_coop_id_invoice_id_kind_pk" PRIMARY KEY("coop_id","invoice_id","kind"),
	CONSTRAINT "invoice_files_kind_check" CHECK ("invoice_files"."kind" in ('pdf', 'factur_x_pdf', 'xml')),
	CONSTRAINT "invoice_files_sha256_check" CHECK ("invoice_files"."sha256" ~ '^[0-9a-f]{64}$' and "invoice_files"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "invoice_files" ADD CONSTRAINT "invoice_files_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;