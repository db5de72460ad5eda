import { describe, expect, it } from 'vitest';
import { acceptedFileType, sniffFileType } from './profile-file-type.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const pdf = Buffer.from('%PDF-1.4\n');
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const html = Buffer.from('<html><script>alert(1)</script></html>');

describe('what a profile file is, by its content', () => {
  it('knows the images and the PDF by their signature', () => {
    expect(sniffFileType(png)).toBe('image/png');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffFileType(webp)).toBe('image/webp');
    expect(sniffFileType(pdf)).toBe('application/pdf');
    expect(sniffFileType(html)).toBeNull();
  });

  it('a photo is an image; a portfolio piece is an image or a PDF', () => {
    expect(acceptedFileType('photo', png)).toBe('image/png');
    expect(acceptedFileType('photo', pdf)).toBeNull();
    expect(acceptedFileType('portfolio', pdf)).toBe('application/pdf');
    expect(acceptedFileType('portfolio', html)).toBeNull();
  });
});
