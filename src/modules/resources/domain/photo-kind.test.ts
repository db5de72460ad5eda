import { describe, expect, it } from 'vitest';
import { photoKindOf } from './photo-kind.js';

describe('handover photo type', () => {
  it('is read from the bytes', () => {
    expect(photoKindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(photoKindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(photoKindOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  });
  it('refuses what is not an image, whatever its name says', () => {
    expect(photoKindOf(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(photoKindOf(Buffer.from('%PDF-1.7'))).toBeNull();
  });
});
