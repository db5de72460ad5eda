/**
 * What a receipt file is, read from its first bytes (the formats' signatures), never from its
 * name or the type the browser claims: a file is accepted as a JPEG, PNG, WebP image or a PDF
 * only if its content is one, so nothing else is stored and served back as a receipt.
 */
export const RECEIPT_KINDS = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** 5 MB: a phone photo of a ticket or a scanned invoice fits; the storage is the coop's. */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

export function receiptKindOf(bytes: Uint8Array): ReceiptKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** The extension a stored receipt is served with, from its kind. */
export const extensionOf = (kind: ReceiptKind) => ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' })[kind];
