import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import type { EndowmentBody } from './contract.js';

/**
 * Allots part of the coop's own funds to the guarantee fund. 1068 "Autres réserves" is a
 * sub-account of the reserves: endowing the fund reclassifies equity, it moves no money.
 * The debit is the reserves (106) the general assembly earmarks, or the year's result (120)
 * when the assembly allots part of the profit to the fund at its appropriation (PCG art.
 * 941-12: the appropriation of the result is booked from 120 to the reserves). Every line is
 * without activity: the fund is the coop's, not a member's.
 */
export async function endowFund(db: Db, actor: Actor, input: EndowmentBody): Promise<{ entryId: string }> {
  return db.transaction(async (tx) => {
    const from = input.source === 'result' ? ACCOUNTS.yearResult : ACCOUNTS.reserves;
    const label = input.label ?? 'Dotation du fonds de garantie';
    const entry = await postEntry(tx, actor, {
      journal: JOURNALS.misc,
      date: input.date,
      label,
      source: { type: 'advance_fund_endowment', id: null },
      lines: [
        { account: from, debitCents: input.amountCents },
        { account: ACCOUNTS.guaranteeFund, creditCents: input.amountCents },
      ],
    });
    await recordAudit(tx, actor, { action: 'advance_fund.endowed', entityType: 'advance_fund', entityId: actor.coopId, after: { ...input, label, entryId: entry.id } });
    return { entryId: entry.id };
  });
}
