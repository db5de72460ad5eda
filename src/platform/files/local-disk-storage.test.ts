import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDiskStorage } from './local-disk-storage.js';
import { sha256Of } from './storage.js';
import { writeFileAtomically } from './write-file-atomically.js';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-files-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(root, { recursive: true, force: true });
});

/** Makes the next write stop halfway, as a full disk or a kill would. */
function failNextWriteHalfway() {
  const open = fs.open.bind(fs);
  vi.spyOn(fs, 'open').mockImplementationOnce(async (...args: Parameters<typeof fs.open>) => {
    const handle = await open(...args);
    handle.writeFile = (async (data: Uint8Array) => {
      await handle.write(data.subarray(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }) as typeof handle.writeFile;
    return handle;
  });
}

describe('an atomic write', () => {
  it('that fails halfway leaves no file under the final name, and no temporary file', async () => {
    const file = path.join(root, 'coops/c/invoices/i/factur_x_pdf');
    failNextWriteHalfway();
    await expect(writeFileAtomically(file, Buffer.alloc(1000, 7))).rejects.toThrow(/no space/);
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(path.dirname(file))).toEqual([]);
  });

  it('that fails halfway over an existing file leaves the old bytes whole', async () => {
    const file = path.join(root, 'a.pdf');
    await writeFileAtomically(file, Buffer.from('old bytes'));
    failNextWriteHalfway();
    await expect(writeFileAtomically(file, Buffer.alloc(1000, 7))).rejects.toThrow();
    expect((await fs.readFile(file)).toString()).toBe('old bytes');
    expect(await fs.readdir(root)).toEqual(['a.pdf']);
  });

  it('replaces a truncated file with the whole new bytes', async () => {
    const file = path.join(root, 'a.pdf');
    await fs.writeFile(file, '');
    await writeFileAtomically(file, Buffer.from('%PDF-whole'));
    expect((await fs.readFile(file)).toString()).toBe('%PDF-whole');
  });
});

describe('the local disk storage', () => {
  it('returns the SHA-256 and size of what it stored, and reads it back checked', async () => {
    const storage = localDiskStorage(root);
    const bytes = Buffer.from('bank statement');
    const stored = await storage.put('coops/c/bank-statements/s', bytes);
    expect(stored).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
    const read = await storage.read('coops/c/bank-statements/s', stored);
    expect(read.ok && read.bytes.toString()).toBe('bank statement');
  });

  it('tells a missing file from an altered one, and never hands out bytes that fail the check', async () => {
    const storage = localDiskStorage(root);
    const stored = await storage.put('k', Buffer.from('the recorded bytes'));
    await fs.writeFile(path.join(root, 'k'), 'the recorded');
    expect(await storage.read('k', stored)).toEqual({ ok: false, problem: 'altered' });
    await fs.writeFile(path.join(root, 'k'), '');
    expect(await storage.read('k', stored)).toEqual({ ok: false, problem: 'altered' });
    await storage.remove('k');
    expect(await storage.read('k', stored)).toEqual({ ok: false, problem: 'missing' });
  });

  it('refuses a key that would leave its folder', async () => {
    const storage = localDiskStorage(root);
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/unsafe/);
  });
});
