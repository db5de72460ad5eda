import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { requestSalary, validateSalary } from '../modules/salaries/index.js';

export interface DemoSalariesContext {
  /** The seed's transaction: the salary services open savepoints in it. */
  db: Db;
  now: Date;
  advisor: Actor;
  memberActor(email: string): Actor;
  drafterOf(activityCode: string): string;
  activityIds: ReadonlyMap<string, string>;
}

/**
 * This month's salaries, after the sales are paid: the joiner of Bois & Lumière asked 2,000 €
 * gross and the advisor validated it (its SA entry is in the books and in the activity's
 * treasury); Camille asked 600 € gross, which waits for the team. Both fit in what their
 * activities collected, through the same services and checks as the app.
 */
export async function seedDemoSalaries(ctx: DemoSalariesContext): Promise<void> {
  const today = ctx.now.toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const ask = (code: string, grossCents: number, note: string) =>
    requestSalary(ctx.db, ctx.memberActor(ctx.drafterOf(code)), { activityId: ctx.activityIds.get(code)!, month, grossCents, note }, today);
  const validated = await ask('BOIS-LUMIERE', 2_000_00, 'Salaire du mois, chantier de l’Hôtel du Parc payé.');
  await validateSalary(ctx.db, ctx.advisor, validated.id, today);
  await ask('CAMILLE-GRAPHISME', 600_00, 'Premier salaire après la refonte de la Boulangerie.');
}
