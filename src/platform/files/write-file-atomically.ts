import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that its name shows either nothing, the old bytes or all the new bytes:
 * a temporary file in the same folder (a rename is atomic only within one file system),
 * flushed to disk before the rename, then the folder flushed so the rename itself survives a
 * power cut. A crash at any point leaves at worst a stray `.tmp-*` file, never a partial file
 * under the final name — the empty invoice PDFs a kill mid-write used to leave.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.tmp-${path.basename(file)}-${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await fs.open(tmp, 'wx');
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncFolder(dir);
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (err) {
    // Some file systems (and Windows) refuse fsync on a directory; the rename is then as
    // durable as that file system makes it, which is all one can ask of it.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    await handle.close();
  }
}
