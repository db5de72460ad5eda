CREATE TABLE "treasury_activity_balances" (
	"coop_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"revenue" bigint NOT NULL,
	"commissions_in" bigint NOT NULL,
	"receivables" bigint NOT NULL,
	"vat_collected" bigint NOT NULL,
	"deposits" bigint NOT NULL,
	"contribution" bigint NOT NULL,
	"commissions_out" bigint NOT NULL,
	"salaries" bigint NOT NULL,
	"advance_fees" bigint NOT NULL,
	"expenses" bigint NOT NULL,
	"advances" bigint NOT NULL,
	"loans" bigint NOT NULL,
	CONSTRAINT "treasury_activity_balances_pk" PRIMARY KEY("coop_id","activity_id")
);
--> statement-breakpoint
ALTER TABLE "treasury_activity_balances" ADD CONSTRAINT "treasury_activity_balances_activity_fk" FOREIGN KEY ("coop_id","activity_id") REFERENCES "public"."activities"("coop_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The treasury group of an account number: the SQL twin of treasuryGroupOf
-- (src/modules/treasury/domain/activity-treasury.ts), same prefixes, same order (the first
-- group holding the account wins). A test compares both on every account of the chart.
CREATE FUNCTION treasury_group_of(account varchar) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN (account LIKE '706%' OR account LIKE '707%' OR account LIKE '708%') AND NOT account LIKE '7082%' THEN 'revenue'
    WHEN account LIKE '7082%' THEN 'commissionsIn'
    WHEN account LIKE '411%' THEN 'receivables'
    WHEN account LIKE '44571%' OR account LIKE '44574%' THEN 'vatCollected'
    WHEN account LIKE '4191%' THEN 'deposits'
    WHEN account LIKE '6581%' THEN 'contribution'
    WHEN account LIKE '6222%' THEN 'commissionsOut'
    WHEN account LIKE '641%' OR account LIKE '645%' THEN 'salaries'
    WHEN account LIKE '6278%' THEN 'advanceFees'
    WHEN account LIKE '6%' AND NOT (account LIKE '6581%' OR account LIKE '6222%' OR account LIKE '641%' OR account LIKE '645%' OR account LIKE '6278%') THEN 'expenses'
    WHEN account LIKE '4675%' THEN 'advances'
    WHEN account LIKE '4677%' THEN 'loans'
  END
$$;
--> statement-breakpoint
-- Kept in the statement that posts the lines, as the ledger's totals are (ledger_totals_add),
-- opening entries left out as there: they restate balances the earlier entries already hold.
-- Rows are upserted in key order so that two postings lock them in the same order.
CREATE FUNCTION treasury_balances_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO treasury_activity_balances AS t (coop_id, activity_id, revenue, commissions_in, receivables, vat_collected, deposits, contribution, commissions_out, salaries, advance_fees, expenses, advances, loans)
  -- Summed by account group first, so that each line's group is computed once, then spread
  -- into one column per group.
  SELECT x.coop_id, x.activity_id,
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'revenue'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'commissionsIn'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'receivables'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'vatCollected'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'deposits'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'contribution'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'commissionsOut'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'salaries'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'advanceFees'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'expenses'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'advances'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'loans'), 0)
  FROM (SELECT n.coop_id, n.activity_id, treasury_group_of(n.account_number) AS grp, sum(n.debit_cents - n.credit_cents) AS balance
        FROM new_lines n
        WHERE n.activity_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ledger_journal_entries e WHERE e.coop_id = n.coop_id AND e.id = n.entry_id AND e.source_type = 'carried_forward')
        GROUP BY 1, 2, 3) x
  WHERE x.grp IS NOT NULL
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (coop_id, activity_id) DO UPDATE
    SET revenue = t.revenue + excluded.revenue,
        commissions_in = t.commissions_in + excluded.commissions_in,
        receivables = t.receivables + excluded.receivables,
        vat_collected = t.vat_collected + excluded.vat_collected,
        deposits = t.deposits + excluded.deposits,
        contribution = t.contribution + excluded.contribution,
        commissions_out = t.commissions_out + excluded.commissions_out,
        salaries = t.salaries + excluded.salaries,
        advance_fees = t.advance_fees + excluded.advance_fees,
        expenses = t.expenses + excluded.expenses,
        advances = t.advances + excluded.advances,
        loans = t.loans + excluded.loans;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER treasury_balances AFTER INSERT ON ledger_journal_entry_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION treasury_balances_add();
--> statement-breakpoint
-- The lines already posted: from the ledger's all-time totals per activity and account,
-- which hold the same lines (opening entries left out).
INSERT INTO treasury_activity_balances (coop_id, activity_id, revenue, commissions_in, receivables, vat_collected, deposits, contribution, commissions_out, salaries, advance_fees, expenses, advances, loans)
SELECT x.coop_id, x.activity_id,
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'revenue'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'commissionsIn'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'receivables'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'vatCollected'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'deposits'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'contribution'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'commissionsOut'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'salaries'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'advanceFees'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'expenses'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'advances'), 0),
       coalesce(sum(x.balance) FILTER (WHERE x.grp = 'loans'), 0)
FROM (SELECT a.coop_id, a.activity_id, treasury_group_of(a.account_number) AS grp, sum(a.debit_cents - a.credit_cents) AS balance
      FROM ledger_activity_totals a GROUP BY 1, 2, 3) x
WHERE x.grp IS NOT NULL
GROUP BY 1, 2;
