CREATE TABLE "spending_categories" (
	"coop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"label_fr" varchar(100) NOT NULL,
	"label_en" varchar(100) NOT NULL,
	"account" varchar(12) NOT NULL,
	"in_contribution_base" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spending_categories_coop_id_id_pk" PRIMARY KEY("coop_id","id"),
	CONSTRAINT "spending_categories_code_key" UNIQUE("coop_id","code"),
	CONSTRAINT "spending_categories_account_check" CHECK ("spending_categories"."account" ~ '^6[0-9]{1,11}$'),
	CONSTRAINT "spending_categories_code_check" CHECK ("spending_categories"."code" ~ '^[a-z0-9_]{1,40}$'),
	CONSTRAINT "spending_categories_labels_check" CHECK (length(trim("spending_categories"."label_fr")) > 0 and length(trim("spending_categories"."label_en")) > 0)
);
--> statement-breakpoint
ALTER TABLE "spending_categories" ADD CONSTRAINT "spending_categories_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The accounts expense reports and spending categories post to, opened in the chart of every
-- coop that exists already (new coops get them from the default chart), as 0032 did. An
-- account a coop already has is left as it is.
INSERT INTO "ledger_accounts" ("coop_id", "number", "label", "kind")
SELECT c."id", a."number", a."label", a."kind"
FROM "coops" c
CROSS JOIN (VALUES
  ('4671', 'Entrepreneurs – notes de frais à rembourser', 'member'),
  ('4672', 'Entrepreneurs – avances sur frais', 'member'),
  ('6063', 'Fournitures d''entretien et de petit équipement', 'expense'),
  ('6068', 'Autres matières et fournitures', 'expense'),
  ('607', 'Achats de marchandises', 'expense'),
  ('6132', 'Locations immobilières', 'expense'),
  ('6135', 'Locations mobilières', 'expense'),
  ('6155', 'Entretien et réparations sur biens mobiliers', 'expense'),
  ('6181', 'Documentation générale', 'expense'),
  ('6226', 'Honoraires', 'expense'),
  ('6231', 'Annonces et insertions', 'expense'),
  ('6251', 'Voyages et déplacements', 'expense'),
  ('6256', 'Missions', 'expense'),
  ('6257', 'Réceptions', 'expense')
) AS a("number", "label", "kind")
WHERE EXISTS (SELECT 1 FROM "ledger_accounts" l WHERE l."coop_id" = c."id")
ON CONFLICT ("coop_id", "number") DO NOTHING;
--> statement-breakpoint
-- The default spending categories (expenses/domain/default-categories.ts) for every coop.
INSERT INTO "spending_categories" ("coop_id", "code", "label_fr", "label_en", "account", "in_contribution_base")
SELECT c."id", d."code", d."label_fr", d."label_en", d."account", d."in_base"
FROM "coops" c
CROSS JOIN (VALUES
  ('office_supplies', 'Fournitures administratives', 'Office supplies', '6064', false),
  ('small_equipment', 'Petit équipement', 'Small equipment', '6063', false),
  ('other_supplies', 'Autres fournitures', 'Other supplies', '6068', false),
  ('energy', 'Eau, énergie', 'Water, energy', '6061', false),
  ('goods_for_resale', 'Marchandises revendues', 'Goods for resale', '607', true),
  ('subcontracting', 'Sous-traitance', 'Subcontracting', '611', true),
  ('services_bought', 'Prestations achetées pour un client', 'Services bought for a client', '604', true),
  ('premises_rental', 'Location de locaux', 'Premises rental', '6132', false),
  ('equipment_rental', 'Location de matériel', 'Equipment rental', '6135', false),
  ('repairs', 'Entretien et réparations', 'Maintenance and repairs', '6155', false),
  ('documentation', 'Documentation', 'Documentation', '6181', false),
  ('fees', 'Honoraires', 'Professional fees', '6226', false),
  ('advertising', 'Annonces et publicité', 'Advertising', '6231', false),
  ('travel', 'Voyages et déplacements', 'Travel', '6251', false),
  ('missions', 'Missions (repas, hébergement)', 'Missions (meals, lodging)', '6256', false),
  ('receptions', 'Réceptions', 'Receptions', '6257', false),
  ('telecom', 'Télécommunications', 'Telecommunications', '626', false),
  ('bank_fees', 'Services bancaires', 'Bank fees', '627', false)
) AS d("code", "label_fr", "label_en", "account", "in_base")
ON CONFLICT ("coop_id", "code") DO NOTHING;
