import { describe, expect, it } from 'vitest';
import { acceptedTypesOf, bytesMatchType, DOCX, ODT } from './documents.js';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

function zipEntry(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(content)]);
}

describe('file types of member documents', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(bytesMatchType(pdf, 'application/pdf')).toBe(true);
    expect(bytesMatchType(png, 'image/png')).toBe(true);
    expect(bytesMatchType(jpeg, 'image/jpeg')).toBe(true);
  });

  it('refuses a file whose bytes are not of the declared type', () => {
    expect(bytesMatchType(Buffer.from('<html>not a pdf</html>'), 'application/pdf')).toBe(false);
    expect(bytesMatchType(png, 'application/pdf')).toBe(false);
    expect(bytesMatchType(pdf, 'image/jpeg')).toBe(false);
    expect(bytesMatchType(pdf, 'text/html')).toBe(false);
  });

  it('recognises OpenDocument and Word files', () => {
    expect(bytesMatchType(zipEntry('mimetype', ODT), ODT)).toBe(true);
    expect(bytesMatchType(zipEntry('word/document.xml', '<w:document/>'), DOCX)).toBe(true);
    expect(bytesMatchType(zipEntry('mimetype', 'application/epub+zip'), ODT)).toBe(false);
    expect(bytesMatchType(zipEntry('content.xml', ''), DOCX)).toBe(false);
  });

  it('accepts word-processor files only for contracts', () => {
    expect(acceptedTypesOf('contract')).toContain(DOCX);
    expect(acceptedTypesOf('contract')).toContain(ODT);
    expect(acceptedTypesOf('charter')).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
  });
});
