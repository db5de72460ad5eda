/**
 * A glance at a CSV bank export in the browser, before it is sent: the delimiter, the header
 * (the first line with the most filled cells among the first ones, banks write a preamble
 * above it) and the first rows, so a person maps the columns by their names. The server
 * reads the file again in full; this only helps to fill the mapping.
 */
export interface CsvPreview {
  delimiter: ';' | ',';
  columns: string[];
  rows: string[][];
}

const PREAMBLE_LINES = 20;

function cellsOf(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

export function previewCsv(text: string, rowCount = 5): CsvPreview | null {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return null;
  const head = lines.slice(0, PREAMBLE_LINES + 1);
  const count = (d: string) => head.reduce((n, l) => n + cellsOf(l, d).length, 0);
  const delimiter = count(';') >= count(',') ? ';' : ',';
  const filled = (l: string) => cellsOf(l, delimiter).filter(Boolean).length;
  let header = 0;
  head.forEach((l, i) => {
    if (filled(l) > filled(head[header]!)) header = i;
  });
  const columns = cellsOf(lines[header]!, delimiter);
  if (columns.filter(Boolean).length < 2) return null;
  return { delimiter, columns, rows: lines.slice(header + 1, header + 1 + rowCount).map((l) => cellsOf(l, delimiter)) };
}

const comparable = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The column whose name looks like one of the usual French or English names, to prefill the mapping. */
export function guessColumn(columns: string[], names: string[]): string | null {
  return columns.find((c) => names.some((n) => comparable(c) === n)) ?? columns.find((c) => names.some((n) => comparable(c).includes(n))) ?? null;
}

/** Reads a bank file as the server does: UTF-8, else Windows-1252 (what Excel writes). */
export async function readFileText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
