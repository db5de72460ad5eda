import { createHash } from 'node:crypto';
import { AFRelationship, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * What turns a rendered invoice into a Factur-X e-invoice: PDF/A-3 conformance B (ISO 19005-3)
 * carrying the CII XML. pdf-lib writes none of it by itself; a validator (veraPDF) checks each
 * piece: the OutputIntent with its ICC profile (6.2.3), the XMP in the catalog declaring the
 * part and conformance (6.6.2) and every non-standard property's schema (6.6.2.3), the info
 * dictionary agreeing with the XMP (6.6.3), the associated file (6.8) and the file ID (6.1.3).
 */

export const FACTUR_X_FILE_NAME = 'factur-x.xml';
export const FACTUR_X_NAMESPACE = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';
/** The Factur-X profile the XML follows (the guideline urn:cen.eu:en16931:2017). */
export const FACTUR_X_CONFORMANCE_LEVEL = 'EN 16931';

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  creator: string;
  producer: string;
  /** Both the creation and the modification date: a document is rendered once, as issued. */
  producedAt: Date;
}

/** Sets the info dictionary without pdf-lib's defaults, which read the clock. */
export function setDocumentInfo(pdf: PDFDocument, info: DocumentInfo): void {
  pdf.setTitle(info.title);
  pdf.setAuthor(info.author);
  pdf.setSubject(info.subject);
  pdf.setCreator(info.creator);
  pdf.setProducer(info.producer);
  pdf.setCreationDate(info.producedAt);
  pdf.setModificationDate(info.producedAt);
}

/**
 * A file identifier derived from the content, not random: the same invoice must give the same
 * bytes, since the SHA-256 stored at validation is what proves the served copy is the original.
 */
export function setFileIdentifier(pdf: PDFDocument, seed: string): void {
  const id = createHash('sha256').update(seed).digest('hex').slice(0, 32);
  const hex = PDFHexString.of(id);
  pdf.context.trailerInfo.ID = pdf.context.obj([hex, hex]);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP dates are ISO 8601; seconds and a 'Z' so they match the info dictionary's D:…Z exactly. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const fxProperty = (name: string, description: string) =>
  `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`;

/** The XMP packet: every value mirrors an info dictionary entry set by `setDocumentInfo`. */
export function facturXXmp(info: DocumentInfo, documentType: 'INVOICE'): string {
  const date = xmpDate(info.producedAt);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.subject)}</rdf:li></rdf:Alt></dc:description>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>`,
    '</rdf:Description>',
    // PDF/A forbids XMP properties whose schema is not described in the file itself (6.6.2.3.1).
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
    '<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>',
    `<pdfaSchema:namespaceURI>${FACTUR_X_NAMESPACE}</pdfaSchema:namespaceURI>`,
    '<pdfaSchema:prefix>fx</pdfaSchema:prefix>',
    '<pdfaSchema:property><rdf:Seq>',
    fxProperty('DocumentFileName', 'The name of the embedded XML document'),
    fxProperty('DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER'),
    fxProperty('Version', 'The actual version of the standard applying to the embedded XML document'),
    fxProperty('ConformanceLevel', 'The conformance level of the embedded XML document'),
    '</rdf:Seq></pdfaSchema:property>',
    '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
    '</rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:fx="${FACTUR_X_NAMESPACE}">`,
    `<fx:DocumentType>${documentType}</fx:DocumentType>`,
    `<fx:DocumentFileName>${FACTUR_X_FILE_NAME}</fx:DocumentFileName>`,
    '<fx:Version>1.0</fx:Version>',
    `<fx:ConformanceLevel>${FACTUR_X_CONFORMANCE_LEVEL}</fx:ConformanceLevel>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * Makes the document PDF/A-3B and attaches the XML. Call after the pages are drawn and the
 * info set, before `save`.
 */
export async function makeFacturX(
  pdf: PDFDocument,
  input: { info: DocumentInfo; xml: string; iccProfile: Uint8Array },
): Promise<void> {
  const { context, catalog } = pdf;

  // The sRGB profile gives the DeviceRGB colours of the layout a defined meaning (6.2.3.3).
  const icc = context.flateStream(input.iccProfile, { N: 3 });
  const outputIntent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(icc),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(outputIntent)]));

  // Left uncompressed so that tools which do not parse PDF structure can still find the packet.
  const xmpBytes = new TextEncoder().encode(facturXXmp(input.info, 'INVOICE'));
  const metadata = context.stream(xmpBytes, { Type: 'Metadata', Subtype: 'XML', Length: xmpBytes.length });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));

  await pdf.attach(new TextEncoder().encode(input.xml), FACTUR_X_FILE_NAME, {
    mimeType: 'text/xml',
    description: 'Factur-X invoice (EN 16931)',
    creationDate: input.info.producedAt,
    modificationDate: input.info.producedAt,
    // Data: the XML carries the same invoice as the visible pages (Factur-X 1.0, § 6.2.2).
    afRelationship: AFRelationship.Data,
  });
}
