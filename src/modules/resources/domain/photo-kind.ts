/**
 * The image type of a handover photo, read from its first bytes (never from the name or the
 * type the phone claims): the file is served back to staff inline, so only real images pass.
 */
export function photoKindOf(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x);
  const ascii = (i: number, s: string) => at(i, ...[...s].map((c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftyp') && ['heic', 'heix', 'mif1', 'msf1', 'hevc'].some((b) => ascii(8, b))) return 'image/heic';
  return null;
}

/** A phone photo is a few megabytes; a handover takes a handful. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
