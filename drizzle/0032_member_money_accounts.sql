-- The accounts the member's money posts to (contribution, commissions, margin, guarantee
-- fund, advances, loans), opened in the chart of every coop that exists already; new coops
-- get them from the default chart. An account a coop already has is left as it is.
INSERT INTO "ledger_accounts" ("coop_id", "number", "label", "kind")
SELECT c."id", a."number", a."label", a."kind"
FROM "coops" c
CROSS JOIN (VALUES
  ('1068', 'Autres réserves – fonds de garantie mutualisé', 'equity'),
  ('4675', 'Préfinancements accordés aux activités (fonds de garantie)', 'member'),
  ('4676', 'Fonds de garantie – préfinancements en cours', 'member'),
  ('4677', 'Prêts aux activités (micro-crédit, avances de trésorerie)', 'member'),
  ('6222', 'Commissions d''apporteurs d''affaires', 'expense'),
  ('6278', 'Frais de préfinancement', 'expense'),
  ('6541', 'Pertes sur créances irrécouvrables', 'expense'),
  ('6581', 'Contribution coopérative des activités', 'expense'),
  ('7061', 'Prestations de services – marge de gestion de projet', 'revenue'),
  ('7082', 'Commissions d''apporteurs d''affaires reçues', 'revenue'),
  ('7589', 'Produits du fonds de garantie (frais de préfinancement)', 'revenue')
) AS a("number", "label", "kind")
WHERE EXISTS (SELECT 1 FROM "ledger_accounts" l WHERE l."coop_id" = c."id")
ON CONFLICT ("coop_id", "number") DO NOTHING;
