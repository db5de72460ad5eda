import { describe, expect, it } from 'vitest';
import { receiptKindOf } from './receipt-kind.js';

describe('the kind of a receipt, by its content', () => {
  it('recognises JPEG, PNG, WebP and PDF by their signatures', () => {
    expect(receiptKindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(receiptKindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(receiptKindOf(Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(receiptKindOf(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever it would be named: HTML, a RIFF that is not WebP, an empty or truncated file', () => {
    expect(receiptKindOf(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(receiptKindOf(Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WAVE')]))).toBeNull();
    expect(receiptKindOf(Buffer.alloc(0))).toBeNull();
    expect(receiptKindOf(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
    expect(receiptKindOf(Buffer.from('%PDF'))).toBeNull();
  });
});
