export const DOCUMENT_KINDS = ['charter', 'fiscal_statement', 'balance_sheet', 'contract', 'identity', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Kinds a member may file for themself; contracts come from the coop, signed by both sides. */
export const SELF_UPLOAD_KINDS: readonly DocumentKind[] = ['charter', 'fiscal_statement', 'balance_sheet', 'identity', 'other'];

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT = 'application/vnd.oasis.opendocument.text';

const SCANS = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** Contracts are often exchanged as editable word-processor files before they are signed. */
const CONTRACTS = [...SCANS, DOCX, ODT] as const;

export function acceptedTypesOf(kind: DocumentKind): readonly string[] {
  return kind === 'contract' ? CONTRACTS : SCANS;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  for (let i = 0; i + needle.length <= bytes.length; i++) if (startsWith(bytes, needle, i)) return true;
  return false;
}

/**
 * Whether the bytes really are of the declared type: a client's Content-Type is only a claim,
 * and a file kept in a member's record may be opened by the staff later.
 */
export function bytesMatchType(bytes: Uint8Array, contentType: string): boolean {
  switch (contentType) {
    case 'application/pdf':
      return startsWith(bytes, ascii('%PDF-'));
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case ODT:
      // An OpenDocument package stores its media type uncompressed as its first entry.
      return startsWith(bytes, ZIP) && startsWith(bytes, ascii('mimetype'), 30) && startsWith(bytes, ascii(ODT), 38);
    case DOCX:
      return startsWith(bytes, ZIP) && containsAscii(bytes, 'word/document.xml');
    default:
      return false;
  }
}
