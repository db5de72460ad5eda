import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';

/** The names under which Factur-X, ZUGFeRD (1 and 2) and XRechnung PDFs embed their invoice XML. */
export const EMBEDDED_INVOICE_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'ZUGFeRD-invoice.xml', 'xrechnung.xml'];

export type ReceivedFileKind = 'pdf' | 'xml' | 'other';

/** What the bytes are, by their content (never by the name or the type the sender claims). */
export function receivedFileKind(bytes: Uint8Array): ReceivedFileKind {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('<')) return 'xml';
  return 'other';
}

const nameOf = (o: PDFObject | undefined): string | null =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : null;

/** The (name, file specification) pairs of a PDF name tree, its kids walked. */
function namesOf(pdf: PDFDocument, tree: PDFDict | undefined, depth = 0): Array<[string, PDFDict]> {
  if (!tree || depth > 8) return [];
  const out: Array<[string, PDFDict]> = [];
  const names = tree.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const name = nameOf(names.lookup(i));
      const spec = names.lookup(i + 1);
      if (name && spec instanceof PDFDict) out.push([name, spec]);
    }
  }
  const kids = tree.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) out.push(...namesOf(pdf, kids.lookup(i) as PDFDict, depth + 1));
  return out;
}

/**
 * The invoice XML a Factur-X/ZUGFeRD/XRechnung PDF embeds (the EmbeddedFiles name tree of
 * the catalog, PDF 1.7 § 7.11.4), or null when the PDF carries none: a plain PDF is not an
 * e-invoice. Throws when the bytes are not a readable PDF.
 */
export async function extractEmbeddedInvoiceXml(bytes: Uint8Array): Promise<{ fileName: string; xml: string } | null> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  const tree = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const files = namesOf(pdf, tree);
  for (const wanted of EMBEDDED_INVOICE_NAMES) {
    const found = files.find(([name, spec]) => name.toLowerCase() === wanted.toLowerCase() || nameOf(spec.lookup(PDFName.of('UF')))?.toLowerCase() === wanted.toLowerCase());
    if (!found) continue;
    const stream = found[1].lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) continue;
    const content = decodePDFRawStream(stream).decode();
    return { fileName: found[0], xml: Buffer.from(content).toString('utf8') };
  }
  return null;
}
