ALTER TABLE "supplier_invoice_lines" DROP CONSTRAINT "supplier_invoice_lines_account_check";--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ALTER COLUMN "account" SET DATA TYPE varchar(12);--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ADD COLUMN "spending_category_id" uuid;--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ADD CONSTRAINT "supplier_invoice_lines_category_fk" FOREIGN KEY ("coop_id","spending_category_id") REFERENCES "public"."spending_categories"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_lines" ADD CONSTRAINT "supplier_invoice_lines_account_check" CHECK ("supplier_invoice_lines"."account" is null or "supplier_invoice_lines"."account" ~ '^6[0-9]{1,11}$');--> statement-breakpoint
-- Supplier invoice lines now name a spending category. A coop created after 0041 gets its
-- default categories lazily (expenses/ensure-spending-categories.ts); one that received
-- supplier invoices without ever opening them gets them now, so that every line can be mapped.
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
WHERE EXISTS (SELECT 1 FROM "supplier_invoice_lines" l WHERE l."coop_id" = c."id")
  AND NOT EXISTS (SELECT 1 FROM "spending_categories" s WHERE s."coop_id" = c."id")
ON CONFLICT ("coop_id", "code") DO NOTHING;
--> statement-breakpoint
-- Each existing line gets the coop's category of its account (an active one first), else one
-- whose account lies under it (613 → 6132), else the default 'other_supplies', else any.
-- A line already booked keeps its account (what its entry says); a line not yet chosen takes
-- its category's account.
UPDATE "supplier_invoice_lines" l
SET "spending_category_id" = (
  SELECT s."id" FROM "spending_categories" s
  WHERE s."coop_id" = l."coop_id"
  ORDER BY
    CASE
      WHEN l."account" IS NOT NULL AND s."account" = l."account" THEN 0
      WHEN l."account" IS NOT NULL AND s."account" LIKE l."account" || '%' THEN 1
      WHEN s."code" = 'other_supplies' THEN 2
      ELSE 3
    END,
    s."active" DESC, s."code"
  LIMIT 1
)
WHERE l."spending_category_id" IS NULL;
--> statement-breakpoint
UPDATE "supplier_invoice_lines" l
SET "account" = s."account"
FROM "spending_categories" s
WHERE l."account" IS NULL AND s."coop_id" = l."coop_id" AND s."id" = l."spending_category_id";
