import { XMLParser, XMLValidator, type XMLMetaData } from 'fast-xml-parser';

/**
 * Reads the XML of the bank files we import (camt.053) with fast-xml-parser, into a small tree
 * the statement parser walks. A DOCTYPE is refused outright: a bank never sends one, and
 * refusing it closes the door to entity-expansion and external-entity attacks (the "billion
 * laughs", XXE) on a file uploaded by a person.
 *
 * Namespace prefixes are dropped from element names: camt versions differ by namespace URI only,
 * and the parser reads the version from the root's `xmlns` attribute instead.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), concatenated; whitespace kept. */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'XmlSyntaxError';
    this.line = line;
    this.column = column;
  }
}

/** camt.053 nests about fifteen levels; far deeper is a hostile file, refused before the stack runs out. */
const MAX_DEPTH = 100;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
const META = XMLParser.getMetaDataSymbol() as symbol;

/** One node of fast-xml-parser's `preserveOrder` output: `{ [name]: content, ':@'?: attributes }`. */
type OrderedNode = Record<string | symbol, unknown> & { [ATTRIBUTES]?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  // Not `removeNSPrefix`: it also deletes the `xmlns` attributes, which carry the camt version.
  transformTagName: (qualified) => qualified.slice(qualified.indexOf(':') + 1),
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: TEXT,
  cdataPropName: CDATA,
  commentPropName: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // The library expands no entity at all, so no DOCTYPE entity (internal or external) can ever be
  // expanded, even if the DOCTYPE check below were bypassed. References are decoded by `decode`,
  // which knows only XML's five predefined entities and character references: the library's own
  // decoder reads numeric references only together with ~250 HTML names XML does not define,
  // and leaves an unknown reference in the text where we want the file refused.
  processEntities: false,
  htmlEntities: false,
  maxNestedTags: MAX_DEPTH,
});

const nameOf = (node: OrderedNode) => Object.keys(node).find((key) => key !== ATTRIBUTES) ?? '';
const isElement = (name: string) => name !== TEXT && name !== CDATA && !name.startsWith('?');

export function readXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;

  // Line starts found once, so that locating an element costs a binary search, not a rescan
  // of a statement that can hold tens of thousands of elements.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (at: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const fail = (message: string, at: number): never => {
    const index = lineOf(at);
    throw new XmlSyntaxError(message, index + 1, at - lineStarts[index]! + 1);
  };
  const startOf = (node: OrderedNode) => (node[META] as XMLMetaData | undefined)?.startIndex ?? 0;
  /** `from` is where the element starts: the first such reference after it is the one reported. */
  const decode = (raw: string, from: number) =>
    raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        // XML 1.0 Char: a reference outside it (NUL, beyond U+10FFFF) is not well-formed, and
        // would either throw in fromCodePoint or put a NUL that PostgreSQL refuses in a label.
        if (!isXmlChar(code)) return fail(`Invalid character reference "${whole}"`, Math.max(from, text.indexOf(whole, from)));
        return String.fromCodePoint(code);
      }
      return PREDEFINED[ref] ?? fail(`Unknown entity "${whole}"`, Math.max(from, text.indexOf(whole, from)));
    });

  if (!text.trim()) fail('The file is empty', 0);
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype >= 0) fail('A DOCTYPE is not accepted in a bank file', doctype);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new XmlSyntaxError(msg, line, col ?? 1);
  }

  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (err) {
    // The library says neither which element nor where; the validator has already passed the syntax.
    const message = err instanceof Error ? err.message : String(err);
    throw new XmlSyntaxError(/nested/i.test(message) ? 'Elements are nested too deeply' : message, 1, 1);
  }

  const toElement = (node: OrderedNode, name: string): XmlElement => {
    const start = startOf(node);
    const element: XmlElement = { name, attributes: {}, children: [], text: '', line: lineOf(start) + 1 };
    for (const [attribute, value] of Object.entries(node[ATTRIBUTES] ?? {})) {
      element.attributes[attribute] = decode(value, start);
    }
    for (const item of node[name] as OrderedNode[]) {
      const itemName = nameOf(item);
      if (itemName === TEXT) element.text += decode(String(item[TEXT]), start);
      else if (itemName === CDATA) element.text += (item[CDATA] as OrderedNode[]).map((part) => String(part[TEXT])).join('');
      else if (isElement(itemName)) element.children.push(toElement(item, itemName));
    }
    return element;
  };

  const roots = nodes.filter((node) => isElement(nameOf(node)));
  if (roots.length === 0) fail('The file has no root element', 0);
  if (roots.length > 1) fail('Unexpected content after the root element', startOf(roots[1]!));
  return toElement(roots[0]!, nameOf(roots[0]!));
}

/** The first child of that name, walking a path of names: `child(ntry, 'Amt')`, `child(x, 'Refs', 'EndToEndId')`. */
export function child(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}

export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element ? element.children.filter((c) => c.name === name) : [];

/** The trimmed text at a path, or null when the element is absent or empty. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | null {
  const found = child(element, ...path);
  const value = found?.text.trim();
  return value ? value : null;
}

/** The characters XML 1.0 allows (production 2, Char). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
