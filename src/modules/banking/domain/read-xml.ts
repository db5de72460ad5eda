/**
 * A small XML reader for the bank files we import (camt.053). No XML library is a direct
 * dependency of the project, and a bank statement needs only elements, attributes, text,
 * CDATA and the predefined entities. A DOCTYPE is refused outright: a bank never sends one,
 * and refusing it closes the door to entity-expansion and external-entity attacks
 * (the "billion laughs", XXE) on a file uploaded by a person.
 *
 * Namespace prefixes are dropped from names: camt versions differ by namespace URI only,
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

const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
/** camt.053 nests about fifteen levels; far deeper is a hostile file, refused before the stack runs out. */
const MAX_DEPTH = 100;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

export function readXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;

  // Line starts found once, so that locating an element costs a binary search, not a rescan
  // of a statement that can hold tens of thousands of elements.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const where = (at: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - lineStarts[low]! + 1 };
  };
  const fail = (message: string, at = pos): never => {
    const { line, column } = where(at);
    throw new XmlSyntaxError(message, line, column);
  };
  const decode = (raw: string, at: number) =>
    raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) return fail(`Unterminated entity reference "${whole}"`, at);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      const value = PREDEFINED[ref];
      return value ?? fail(`Unknown entity "&${ref};"`, at);
    });
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos += 1;
  };
  const readName = () => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) return fail('Expected a name');
    pos += m[0].length;
    return m[0];
  };
  const skipUntil = (end: string, what: string) => {
    const at = text.indexOf(end, pos);
    if (at < 0) fail(`Unterminated ${what}`);
    const inner = text.slice(pos, at);
    pos = at + end.length;
    return inner;
  };
  /** Comments and processing instructions, wherever they may stand. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<?', pos)) skipUntil('?>', 'processing instruction');
      else if (text.startsWith('<!--', pos)) skipUntil('-->', 'comment');
      else if (text.startsWith('<!DOCTYPE', pos)) fail('A DOCTYPE is not accepted in a bank file');
      else return;
    }
  };

  const readElement = (depth: number): XmlElement => {
    const start = pos;
    if (depth > MAX_DEPTH) fail('Elements are nested too deeply');
    if (text[pos] !== '<') fail('Expected an element');
    pos += 1;
    const qualified = readName();
    const element: XmlElement = { name: localName(qualified), attributes: {}, children: [], text: '', line: where(start).line };
    for (;;) {
      skipSpace();
      if (text.startsWith('/>', pos)) {
        pos += 2;
        return element;
      }
      if (text[pos] === '>') {
        pos += 1;
        break;
      }
      const attr = readName();
      skipSpace();
      if (text[pos] !== '=') fail(`Expected "=" after attribute ${attr}`);
      pos += 1;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`Expected a quoted value for attribute ${attr}`);
      pos += 1;
      const valueAt = pos;
      const value = skipUntil(quote!, 'attribute value');
      if (value.includes('<')) fail('"<" is not allowed in an attribute value', valueAt);
      element.attributes[attr] = decode(value, valueAt);
    }
    for (;;) {
      if (pos >= text.length) fail(`Element <${qualified}> is not closed`, start);
      if (text.startsWith('</', pos)) {
        const closingAt = pos;
        pos += 2;
        const closing = readName();
        if (closing !== qualified) fail(`Expected </${qualified}> but found </${closing}>`, closingAt);
        skipSpace();
        if (text[pos] !== '>') fail('Expected ">"');
        pos += 1;
        return element;
      }
      if (text.startsWith('<!--', pos)) skipUntil('-->', 'comment');
      else if (text.startsWith('<![CDATA[', pos)) {
        pos += 9;
        element.text += skipUntil(']]>', 'CDATA section');
      } else if (text.startsWith('<?', pos)) skipUntil('?>', 'processing instruction');
      else if (text[pos] === '<') element.children.push(readElement(depth + 1));
      else {
        const at = pos;
        const next = text.indexOf('<', pos);
        pos = next < 0 ? text.length : next;
        element.text += decode(text.slice(at, pos), at);
      }
    }
  };

  skipMisc();
  if (pos >= text.length) fail('The file is empty');
  const root = readElement(1);
  skipMisc();
  if (pos < text.length) fail('Unexpected content after the root element');
  return root;
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
