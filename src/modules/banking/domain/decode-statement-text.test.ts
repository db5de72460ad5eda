import { describe, expect, it } from 'vitest';
import { decodeStatementText } from './decode-statement-text.js';

describe('decoding an uploaded bank file', () => {
  it('reads UTF-8 and drops its byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Libellé;Montant')]);
    expect(decodeStatementText(bytes)).toBe('Libellé;Montant');
  });

  it('reads a Windows-1252 export from Excel without mangling accents or the euro sign', () => {
    const bytes = Uint8Array.from([0x4c, 0x69, 0x62, 0x65, 0x6c, 0x6c, 0xe9, 0x3b, 0x31, 0x32, 0x2c, 0x33, 0x30, 0x20, 0x80]);
    expect(decodeStatementText(bytes)).toBe('Libellé;12,30 €');
    expect(decodeStatementText(Uint8Array.from([0x9c, 0x75, 0x76, 0x72, 0x65, 0x20, 0x96, 0x20, 0x92]))).toBe('œuvre – ’');
  });
});
