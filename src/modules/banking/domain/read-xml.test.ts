import { describe, expect, it } from 'vitest';
import { child, childrenNamed, readXml, textAt, XmlSyntaxError } from './read-xml.js';

function syntaxError(xml: string): XmlSyntaxError {
  try {
    readXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) return err;
    throw err;
  }
  throw new Error('expected a syntax error');
}

describe('reading the XML of a bank file', () => {
  it('reads elements, attributes, text, entities and CDATA, dropping namespace prefixes', () => {
    const root = readXml(
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- bank -->\n<ns:Doc xmlns:ns="urn:x" a=\'1\'>\n' +
        '  <ns:Amt Ccy="EUR">12.30</ns:Amt>\n  <Nm>Charpentier &amp; Fils &#233;&#xE9;</Nm>\n  <Ustrd><![CDATA[a < b]]></Ustrd>\n  <Empty/>\n</ns:Doc>',
    );
    expect(root.name).toBe('Doc');
    expect(root.attributes).toEqual({ 'xmlns:ns': 'urn:x', a: '1' });
    expect(child(root, 'Amt')).toMatchObject({ text: '12.30', attributes: { Ccy: 'EUR' }, line: 4 });
    expect(textAt(root, 'Nm')).toBe('Charpentier & Fils éé');
    expect(textAt(root, 'Ustrd')).toBe('a < b');
    expect(textAt(root, 'Empty')).toBeNull();
    expect(textAt(root, 'Missing', 'Deeper')).toBeNull();
    expect(childrenNamed(root, 'Nm')).toHaveLength(1);
  });

  it('keeps values as written, default namespaces included, and decodes references in attributes', () => {
    const root = readXml('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">\n<Id n="007" t="a &lt; b">00120</Id>\n<Flag>true</Flag>\n</Document>');
    expect(root.attributes).toEqual({ xmlns: 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08' });
    expect(child(root, 'Id')).toMatchObject({ text: '00120', attributes: { n: '007', t: 'a < b' }, line: 2 });
    expect(textAt(root, 'Flag')).toBe('true');
  });

  it('points at an unknown entity', () => {
    const err = syntaxError('<Doc>\n  <Nm>a &amp; b&nbsp;</Nm>\n</Doc>');
    expect([err.line, err.column]).toEqual([2, 16]);
  });

  it('refuses a character reference to NUL or beyond Unicode, which XML does not allow', () => {
    expect(syntaxError('<Doc>\n  <Nm>a &#0; b</Nm>\n</Doc>').message).toMatch(/Invalid character reference "&#0;"/);
    expect(syntaxError('<Doc><Nm>&#x110000;</Nm></Doc>').message).toMatch(/Invalid character reference/);
    expect(syntaxError('<Doc><Nm>&#x110000;</Nm></Doc>').line).toBe(1);
  });

  it('reports a mismatched closing tag with its line and column', () => {
    const err = syntaxError('<Doc>\n  <Amt>1</Ammt>\n</Doc>');
    expect([err.line, err.column]).toEqual([2, 9]);
  });

  it('refuses unknown entities, a DOCTYPE, unclosed elements and trailing content', () => {
    expect(syntaxError('<Doc>&nbsp;</Doc>').message).toContain('Unknown entity');
    expect(syntaxError('<!DOCTYPE Doc [<!ENTITY x SYSTEM "file:///etc/passwd">]><Doc>&x;</Doc>').message).toContain('DOCTYPE');
    expect(syntaxError('<Doc>\n  <Amt>1</Amt>\n').message).toMatch(/unclosed tag 'Doc'/i);
    expect(syntaxError('<Doc><Amt>').message).toContain('"Amt"');
    expect(syntaxError('<Doc/><Doc/>').message).toContain('after the root');
    expect(syntaxError('').message).toContain('empty');
  });

  it('refuses absurdly deep nesting instead of exhausting the stack', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    expect(syntaxError(deep).message).toContain('nested too deeply');
  });
});
