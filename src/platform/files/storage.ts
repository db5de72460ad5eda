import { createHash } from 'node:crypto';

/** What a write leaves: the caller records the hash beside its row and hands it back to every read. */
export interface StoredBytes {
  sha256: string;
  size: number;
}

/**
 * A read is checked against the hash the caller recorded, and a file that fails the check is
 * an outcome to act on (render it again, refuse cleanly), never bytes served as if good.
 * `missing`: nothing under the key (a restore without the files folder). `altered`: bytes
 * there but not the recorded ones (truncated by a crash, emptied, changed on disk).
 */
export type FileRead = { ok: true; bytes: Buffer } | { ok: false; problem: 'missing' | 'altered' };

/**
 * Where files live. Local disk by default; an object store can implement the same three
 * calls (a PUT is atomic there, and a GET is checked the same way).
 */
export interface FileStorage {
  /** Writes the whole file under the key, replacing what was there; never leaves part of it under the key. */
  put(key: string, bytes: Buffer): Promise<StoredBytes>;
  /** The bytes under the key, if they are those whose SHA-256 the caller recorded. */
  read(key: string, expected: { sha256: string }): Promise<FileRead>;
  remove(key: string): Promise<void>;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
