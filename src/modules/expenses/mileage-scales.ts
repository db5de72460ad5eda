import { readFileSync } from 'node:fs';
import { and, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { scaleForYear, tripAllowanceCents, type MileageScale } from './domain/mileage.js';
import { expenseLines, expenseReports } from './schema.js';

/**
 * The published scales, from the data file (one entry per year of publication), read beside
 * this module: the server build transpiles file by file and drops JSON import attributes,
 * which plain `node` then refuses (`npm start`).
 */
const data = JSON.parse(readFileSync(new URL('./data/mileage-scales.json', import.meta.url), 'utf8')) as { scales: MileageScale[] };
export const MILEAGE_SCALES = data.scales;

/** The scale for a trip of `year`, or null before the first one the platform knows. */
export const mileageScaleFor = (year: number) => scaleForYear(MILEAGE_SCALES, year);

/**
 * The km a member already claimed in a calendar year (every report but the cancelled ones,
 * drafts included: a trip typed is a trip claimed), leaving one line aside when it is the one
 * being priced.
 */
export async function kmClaimedInYear(db: Executor, coopId: string, memberId: string, year: number, exceptLineId?: string): Promise<number> {
  const [row] = await db
    .select({ km: sql<string>`coalesce(sum(${expenseLines.distanceKm}), 0)` })
    .from(expenseLines)
    .innerJoin(expenseReports, and(eq(expenseReports.coopId, expenseLines.coopId), eq(expenseReports.id, expenseLines.reportId)))
    .where(
      and(
        eq(expenseLines.coopId, coopId),
        eq(expenseReports.memberId, memberId),
        ne(expenseReports.status, 'cancelled'),
        eq(expenseLines.kind, 'mileage'),
        gte(expenseLines.spentOn, `${year}-01-01`),
        lte(expenseLines.spentOn, `${year}-12-31`),
        exceptLineId ? or(isNull(expenseLines.id), ne(expenseLines.id, exceptLineId)) : undefined,
      ),
    );
  return Number(row?.km ?? 0);
}

/** A trip's allowance for a member, the band set by the km they already claimed that year; null when no scale covers the year. */
export async function quoteMileage(db: Executor, coopId: string, memberId: string, input: { spentOn: string; horsepower: number; distanceKm: number }) {
  const year = Number(input.spentOn.slice(0, 4));
  const scale = mileageScaleFor(year);
  if (!scale) return null;
  const priorKm = await kmClaimedInYear(db, coopId, memberId, year);
  return { amountCents: tripAllowanceCents(scale, input.horsepower, input.distanceKm, priorKm), scaleYear: scale.year, priorKm };
}
