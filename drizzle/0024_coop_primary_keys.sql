-- Ready for distribution by cooperative (Citus-style, by coop_id): every coop table's primary
-- key starts with coop_id, so all the rows of a coop, and every key that finds them, can live on
-- one node. The 17 tables keyed by id alone get (coop_id, id); no foreign key pointed at id alone.
-- The rule is checked on the catalog by src/platform/db/distribution-keys.ts.
ALTER TABLE "activities" DROP CONSTRAINT "activities_pkey";
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" DROP CONSTRAINT "bank_statement_lines_pkey";
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "bank_statements" DROP CONSTRAINT "bank_statements_pkey";
--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "client_addresses" DROP CONSTRAINT "client_addresses_pkey";
--> statement-breakpoint
ALTER TABLE "client_addresses" ADD CONSTRAINT "client_addresses_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "client_contacts" DROP CONSTRAINT "client_contacts_pkey";
--> statement-breakpoint
ALTER TABLE "client_contacts" ADD CONSTRAINT "client_contacts_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "clients" DROP CONSTRAINT "clients_pkey";
--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "dunning_events" DROP CONSTRAINT "dunning_events_pkey";
--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_pkey";
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_pkey";
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "ledger_fiscal_years" DROP CONSTRAINT "ledger_fiscal_years_pkey";
--> statement-breakpoint
ALTER TABLE "ledger_fiscal_years" ADD CONSTRAINT "ledger_fiscal_years_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" DROP CONSTRAINT "ledger_journal_entries_pkey";
--> statement-breakpoint
ALTER TABLE "ledger_journal_entries" ADD CONSTRAINT "ledger_journal_entries_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "member_documents" DROP CONSTRAINT "member_documents_pkey";
--> statement-breakpoint
ALTER TABLE "member_documents" ADD CONSTRAINT "member_documents_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "member_status_changes" DROP CONSTRAINT "member_status_changes_pkey";
--> statement-breakpoint
ALTER TABLE "member_status_changes" ADD CONSTRAINT "member_status_changes_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_pkey";
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_pkey";
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_pkey";
--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_coop_id_id_pk" PRIMARY KEY("coop_id","id");
--> statement-breakpoint
-- The (coop_id, id) unique keys now repeat the primary key: one index fewer to write per row.
-- The foreign keys that used them are dropped and added again, unchanged, onto the primary key.
DO $$
DECLARE
  redundant text[] := array['activities_coop_id_id_key', 'bank_statement_lines_coop_id_id_key', 'bank_statements_coop_id_id_key', 'clients_coop_id_id_key', 'invoices_coop_id_id_key', 'ledger_accounts_coop_id_id_key', 'ledger_fiscal_years_coop_id_id_key', 'ledger_journal_entries_coop_id_id_key', 'members_coop_id_id_key', 'payments_coop_id_id_key', 'quotes_coop_id_id_key'];
  fk record;
  tables text[] := '{}';
  names text[] := '{}';
  defs text[] := '{}';
BEGIN
  FOR fk IN
    SELECT c.conrelid::regclass::text AS tbl, c.conname::text AS name, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_constraint u ON u.conindid = c.conindid AND u.contype = 'u'
    WHERE c.contype = 'f' AND u.conname = ANY (redundant) AND u.connamespace = 'public'::regnamespace
    ORDER BY 1, 2
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.name);
    tables := tables || fk.tbl;
    names := names || fk.name;
    defs := defs || fk.def;
  END LOOP;
  FOR fk IN
    SELECT conrelid::regclass::text AS tbl, conname::text AS name FROM pg_constraint
    WHERE contype = 'u' AND conname = ANY (redundant) AND connamespace = 'public'::regnamespace
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.name);
  END LOOP;
  FOR i IN 1 .. coalesce(array_length(names, 1), 0) LOOP
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', tables[i], names[i], defs[i]);
  END LOOP;
END $$;
