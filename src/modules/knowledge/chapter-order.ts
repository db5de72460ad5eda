import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { orderAt } from './domain/order-at.js';
import { kbBooks, kbChapters } from './schema.js';

/**
 * Locks a book's row: chapter writes of one book (add, move, rename) take it first, so two
 * reorders at once run one after the other and positions stay 0..n-1 without ties.
 */
export async function lockBook(tx: Executor, coopId: string, bookId: string): Promise<void> {
  await tx.select({ id: kbBooks.id }).from(kbBooks).where(and(eq(kbBooks.coopId, coopId), eq(kbBooks.id, bookId))).for('update');
}

/** Puts a chapter at rank `index` of its book and renumbers the others (call under `lockBook`). */
export async function placeChapter(tx: Executor, coopId: string, bookId: string, chapterId: string, index: number): Promise<void> {
  const rows = await tx.select({ id: kbChapters.id, position: kbChapters.position }).from(kbChapters).where(and(eq(kbChapters.coopId, coopId), eq(kbChapters.bookId, bookId))).orderBy(asc(kbChapters.position), asc(kbChapters.name));
  const ordered = orderAt(rows.map((r) => r.id), chapterId, index);
  const current = new Map(rows.map((r) => [r.id, r.position]));
  for (const [position, id] of ordered.entries()) {
    if (current.get(id) !== position) await tx.update(kbChapters).set({ position }).where(and(eq(kbChapters.coopId, coopId), eq(kbChapters.id, id)));
  }
}
