import fs from 'node:fs/promises';
import path from 'node:path';
import { sha256Of, type FileStorage } from './storage.js';
import { writeFileAtomically } from './write-file-atomically.js';

const SAFE_KEY = /^[a-zA-Z0-9/_.-]+$/;

/** Files under a folder of the local disk, one file per key. */
export function localDiskStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    // Keys are built by the application, never by a client; this guard keeps a bug from
    // ever escaping the storage root.
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      await writeFileAtomically(resolve(key), bytes);
      return { sha256: sha256Of(bytes), size: bytes.length };
    },
    async read(key, expected) {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(resolve(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, problem: 'missing' };
        throw err;
      }
      return sha256Of(bytes) === expected.sha256 ? { ok: true, bytes } : { ok: false, problem: 'altered' };
    },
    async remove(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}
