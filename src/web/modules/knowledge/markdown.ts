/**
 * A small Markdown subset (headings, paragraphs, lists, fenced code, bold, italic, inline code,
 * links), parsed into a tree that React renders as elements. Pages are stored as Markdown, the
 * format people already write guides in; no HTML is ever built from the text, so a page cannot
 * inject markup or script, and a link only opens http(s), mailto or an address of the app.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; text: string };

/** Only these targets become links; anything else (javascript:, data:…) stays plain text. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(h)) return h;
  if (h.startsWith('/') && !h.startsWith('//')) return h;
  if (h.startsWith('#')) return h;
  return null;
}

const INLINE = /(\*\*([^*]+)\*\*)|(`([^`]+)`)|(\[([^\]]+)\]\(([^)\s]+)\))|(\*([^*]+)\*)|(_([^_]+)_)/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ type: 'text', text: rest.slice(0, m.index) });
    if (m[1]) out.push({ type: 'strong', children: parseInline(m[2]!) });
    else if (m[3]) out.push({ type: 'code', text: m[4]! });
    else if (m[5]) {
      const href = safeHref(m[7]!);
      if (href) out.push({ type: 'link', href, children: parseInline(m[6]!) });
      else out.push({ type: 'text', text: m[0] });
    } else if (m[8]) out.push({ type: 'em', children: parseInline(m[9]!) });
    else out.push({ type: 'em', children: parseInline(m[11]!) });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.trimStart().startsWith('```')) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith('```')) body.push(lines[i++]!);
      i++;
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, children: parseInline(heading[2]!.trim()) });
      i++;
      continue;
    }
    const bullet = /^\s*[-*]\s+(.*)$/;
    const numbered = /^\s*\d+[.)]\s+(.*)$/;
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = !bullet.test(line);
      const re = ordered ? numbered : bullet;
      const items: Inline[][] = [];
      while (i < lines.length && re.test(lines[i]!)) items.push(parseInline(re.exec(lines[i++]!)![1]!));
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    const para: Inline[][] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,3})\s/.test(lines[i]!) && !/^\s*([-*]|\d+[.)])\s/.test(lines[i]!) && !lines[i]!.trimStart().startsWith('```')) para.push(parseInline(lines[i++]!.trim()));
    blocks.push({ type: 'paragraph', lines: para });
  }
  return blocks;
}
