import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { VatSettings } from './contract.js';
import { vatSettings } from './schema.js';

/** The coop's VAT regime and periodicity; debits, monthly, for a coop that never chose. */
export async function vatSettingsOf(tx: Executor, coopId: string): Promise<VatSettings> {
  const [row] = await tx.select({ regime: vatSettings.regime, periodicity: vatSettings.periodicity }).from(vatSettings).where(eq(vatSettings.coopId, coopId));
  return row ?? { regime: 'debits', periodicity: 'monthly' };
}
