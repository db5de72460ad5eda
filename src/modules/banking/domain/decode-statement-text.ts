/**
 * The text of an uploaded bank file. French online banking exports CSV either in UTF-8 or
 * in Windows-1252 (what Excel writes for "CSV (séparateur : point-virgule)"), and some banks
 * still send camt.053 in ISO-8859-1. A file that is not valid UTF-8 is read as Windows-1252
 * (a superset of ISO-8859-1 for printable text), so that "Libellé" never reaches a person
 * as "LibellÃ©" or "Libell�". A UTF-8 byte order mark is dropped.
 */
export function decodeStatementText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Decoded by hand: Node builds with reduced ICU decode "windows-1252" as ISO-8859-1, which
 * turns the euro sign (0x80) and the French quotes and dashes into control characters.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80]! : byte);
  return text;
}
