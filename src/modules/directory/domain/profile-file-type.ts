import type { ProfileFileKind } from './visible-profile.js';

/** The formats a profile holds: a photo is an image any browser shows; a portfolio piece may also be a PDF. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PORTFOLIO_TYPES = [...PHOTO_TYPES, 'application/pdf'] as const;
export type ProfileFileType = (typeof PORTFOLIO_TYPES)[number];

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/**
 * What a file is, read from its first bytes (the formats' signatures), never from its name or
 * the type the browser claims: the file is served back to other members and to the public
 * under this type, so it must be what it says (not an HTML page named photo.png).
 */
export function sniffFileType(bytes: Uint8Array): ProfileFileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** The type a file is accepted as for this kind of profile file, or null when refused. */
export function acceptedFileType(kind: ProfileFileKind, bytes: Uint8Array): ProfileFileType | null {
  const type = sniffFileType(bytes);
  if (type === null) return null;
  return (kind === 'photo' ? (PHOTO_TYPES as readonly string[]) : (PORTFOLIO_TYPES as readonly string[])).includes(type) ? type : null;
}
