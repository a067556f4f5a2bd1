/**
 * The AWS CLI's global output options for the `wasmac` commands:
 * `--query <JMESPath>` (evaluated by `@jmespath-community/jmespath`, a
 * maintained implementation of the JMESPath spec the AWS CLI uses) and
 * `--output json|text|table`. `value` is the command's result as the AWS CLI
 * prints it (blobs already base64, timestamps already ISO 8601).
 *
 * - json: 4-space indented JSON, as the AWS CLI prints it.
 * - text: the AWS CLI's text format (`None`, `True`, `False` as Python prints
 *   them; an object's scalar members tab-separated in key order on one line,
 *   nested members below, prefixed with their key in upper case).
 * - table: the AWS CLI's boxed table, titled with the operation.
 */

/** The formats `--output` takes. */
export const OUTPUT_FORMATS = ['json', 'text', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Whether `value` is one of {@link OUTPUT_FORMATS}. */
export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Thrown for a `--query` that is not a JMESPath expression; the CLI answers it as a usage error. */
export class QueryError extends Error {
  override name = 'QueryError';
}

/** The JMESPath `query` compiled (the package is loaded only when a query is given); a QueryError if it is not JMESPath. */
export async function compileQuery(query: string): Promise<(value: unknown) => unknown> {
  const { compile, TreeInterpreter } = await import('@jmespath-community/jmespath');
  let ast: ReturnType<typeof compile>;
  try {
    ast = compile(query);
  } catch (err) {
    throw new QueryError(`Bad value for --query ${query}: ${(err as Error).message}`);
  }
  return (value) => {
    try {
      return TreeInterpreter.search(ast, value as Parameters<typeof TreeInterpreter.search>[1]) ?? null;
    } catch (err) {
      // A function given the wrong type (length(null)): JMESPath's runtime error, the user's to fix.
      throw new QueryError(`Bad value for --query ${query}: ${(err as Error).message}`);
    }
  };
}

/** `value` filtered by the JMESPath `query`. */
export async function applyQuery(value: unknown, query: string): Promise<unknown> {
  return (await compileQuery(query))(value);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/** A scalar as Python's `str()` prints it, which is what the AWS CLI's text output shows. */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return String(v);
}

// Text: a port of the AWS CLI's `awscli/text.py` (Apache-2.0), so that
// scripts written against `aws --output text` read the same lines.

function scalarKeys(list: Json[]): string[] {
  const keys = new Set<string>();
  for (const item of list) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) for (const [k, v] of Object.entries(item)) if (isScalar(v)) keys.add(k);
  }
  return [...keys].sort();
}

function textOf(item: Json, out: string[], identifier?: string, keys?: string[]): void {
  if (Array.isArray(item)) {
    if (item.length === 0) return;
    if (item.some((e) => e !== null && typeof e === 'object' && !Array.isArray(e))) {
      const all = scalarKeys(item);
      for (const e of item) textOf(e, out, identifier, all);
    } else if (item.some(Array.isArray)) {
      const scalars = item.filter(isScalar);
      if (scalars.length > 0) scalarList(scalars, out, identifier);
      for (const e of item.filter((e) => !isScalar(e))) textOf(e, out, identifier);
    } else {
      scalarList(item, out, identifier);
    }
    return;
  }
  if (item !== null && typeof item === 'object') {
    const scalars: string[] = [];
    const nested: [string, Json][] = [];
    if (keys === undefined) {
      for (const k of Object.keys(item).sort()) {
        if (isScalar(item[k])) scalars.push(scalarText(item[k]));
        else nested.push([k, item[k]!]);
      }
    } else {
      for (const k of keys) scalars.push(item[k] === undefined ? '' : scalarText(item[k]));
      for (const k of Object.keys(item).filter((k) => !keys.includes(k)).sort()) nested.push([k, item[k]!]);
    }
    if (scalars.length > 0) out.push((identifier === undefined ? scalars : [identifier.toUpperCase(), ...scalars]).join('\t'));
    for (const [k, v] of nested) textOf(v, out, k);
    return;
  }
  out.push(scalarText(item));
}

function scalarList(items: Json[], out: string[], identifier: string | undefined): void {
  if (identifier === undefined) out.push(items.map(scalarText).join('\t'));
  else for (const item of items) out.push(`${identifier.toUpperCase()}\t${scalarText(item)}`);
}

/** The AWS CLI's text format of `value`. */
export function formatText(value: unknown): string {
  const out: string[] = [];
  textOf(value as Json, out);
  return out.join('\n');
}

// Table: a port of the AWS CLI's `TableFormatter` (`awscli/formatter.py`) and
// `MultiTable` (`awscli/table.py`), Apache-2.0: a section per object or list,
// titled, nested sections indented with one more `|` on each side; an
// object's scalar members as a header row over a value row, turned into
// key/value rows when the table is wider than the terminal (80 columns when
// stdout is not a terminal).

/** Python's `round()`: halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indent = 0;
  #maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    this.#widen(headers);
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    const cells = row.map(scalarText);
    this.rows.push(cells);
    this.#widen(cells);
  }

  #widen(cells: string[]): void {
    if (this.#maxWidths.length === 0) this.#maxWidths = cells.map((c) => c.length);
    else cells.forEach((c, i) => (this.#maxWidths[i] = Math.max(c.length, this.#maxWidths[i] ?? 0)));
  }

  columnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.#maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (off !== 0) {
      const order = [...scaled.keys()];
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) {
          scaled[i]!--;
          off--;
        } else {
          scaled[i]!++;
          off++;
        }
        if (off === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(): number {
    const cells = this.columnWidths(0).reduce((a, w) => a + w + 4, 0) + 2 + 2 * this.indent;
    return Math.max(this.title.length + 2 + 2 * this.indent, cells);
  }
}

function centered(text: string, length: number, left: string, right: string): string {
  const start = Math.floor(length / 2) - Math.floor(text.length / 2) - 1;
  const soFar = left.length + start + text.length;
  return `${left}${' '.repeat(Math.max(0, start))}${text}${' '.repeat(Math.max(0, length - right.length - soFar))}${right}`;
}

function alignedLeft(text: string, length: number, left: string, right: string): string {
  const padding = length - (text.length + 2 + left.length + right.length) >= 0 ? 2 : 0;
  const soFar = left.length + padding + text.length;
  return `${left}${' '.repeat(padding)}${text}${' '.repeat(Math.max(0, length - soFar - right.length))}${right}`;
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
}

class TableBuilder {
  readonly sections: Section[] = [];
  #current: Section | undefined;

  #section(title: string, indent: number): void {
    this.#current = new Section();
    this.#current.title = title;
    this.#current.indent = indent;
    this.sections.push(this.#current);
  }

  build(title: string | undefined, value: Json, indent = 0): void {
    if (isFalsy(value)) return;
    if (title !== undefined) this.#section(title, indent);
    if (Array.isArray(value)) {
      if (value[0] !== null && typeof value[0] === 'object' && !Array.isArray(value[0])) this.#fromList(value as { [key: string]: Json }[], indent, title ?? '');
      else {
        for (const item of value) {
          if (isScalar(item)) this.#current?.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.#current?.addRow(item);
          else this.build(undefined, item);
        }
      }
    } else if (value !== null && typeof value === 'object') {
      this.#fromObject(value, indent);
    }
  }

  #fromObject(value: { [key: string]: Json }, indent: number): void {
    const keys = Object.keys(value).sort();
    const headers = keys.filter((k) => isScalar(value[k]));
    if (headers.length === 1) this.#current?.addRow([headers[0], value[headers[0]!]]);
    else if (headers.length > 0) {
      this.#current?.addHeader(headers);
      this.#current?.addRow(headers.map((k) => value[k]));
    }
    for (const k of keys.filter((k) => !isScalar(value[k]))) this.build(k, value[k]!, indent + 1);
  }

  #fromList(list: { [key: string]: Json }[], indent: number, title: string): void {
    const headers = new Set<string>();
    const more = new Set<string>();
    for (const item of list) {
      if (item === null || typeof item !== 'object') continue;
      for (const [k, v] of Object.entries(item)) (isScalar(v) ? headers : more).add(k);
    }
    const h = [...headers].sort();
    const m = [...more].sort();
    this.#current?.addHeader(h);
    list.forEach((item, i) => {
      if (i > 0 && m.length > 0) {
        this.#section(title, indent);
        this.#current!.addHeader(h);
      }
      this.#current?.addRow(h.map((k) => (item[k] === undefined ? '' : item[k])));
      for (const k of m) if (k in item) this.build(k, item[k]!, indent + 1);
    });
  }
}

/** Python's truthiness, which decides whether the AWS CLI draws a value at all. */
function isFalsy(v: Json): boolean {
  return v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}

/** The AWS CLI's table format of `value`, titled `title` (the operation); `terminalWidth` decides the vertical layout. */
export function formatTable(value: unknown, title: string, terminalWidth = 80): string {
  const builder = new TableBuilder();
  builder.build(title, value as Json);
  let sections = builder.sections;
  if (sections.length === 0) return '';
  let width = Math.max(...sections.map((s) => s.totalWidth()));
  if (width > terminalWidth) {
    sections = sections.map((s) => {
      if (s.rows.length !== 1 || s.headers.length === 0) return s;
      const v = new Section();
      v.title = s.title;
      v.indent = s.indent;
      s.headers.forEach((h, i) => v.addRow([h, s.rows[0]![i]]));
      return v;
    });
    width = Math.max(...sections.map((s) => s.totalWidth()));
  }
  const out = ['-'.repeat(width)];
  for (const s of sections) {
    const edge = '|'.repeat(s.indent);
    const put = (line: string): number => out.push(`${edge}${line}${edge}`);
    const inner = width - 2 * s.indent;
    if (s.title !== '') {
      put(centered(s.title, inner, '|', '|'));
      if (s.headers.length === 0 && s.rows.length === 0) put(`+${'-'.repeat(inner - 2)}+`);
    }
    const widths = s.columnWidths(4, inner);
    if (s.headers.length > 0) {
      put(lineBreak(widths));
      put(s.headers.map((h, i) => centered(h, widths[i]!, i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length > 0 && widths.length > 0) {
      put(lineBreak(widths));
      for (const row of s.rows) put(widths.map((w, i) => alignedLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
      put(lineBreak(widths));
    }
  }
  return out.join('\n');
}

/**
 * What the CLI prints for a command's result: `query` applied first, then
 * the format. Operations without output print nothing, as the AWS CLI does.
 */
export async function renderOutput(value: unknown, options: { operation: string; query?: string | undefined; output?: OutputFormat | undefined; terminalWidth?: number }): Promise<string> {
  const shaped = options.query === undefined ? value : await applyQuery(value, options.query);
  if (shaped === undefined || (options.query === undefined && isEmptyObject(shaped))) return '';
  switch (options.output ?? 'json') {
    case 'text':
      return formatText(shaped);
    case 'table':
      return formatTable(shaped, options.operation, options.terminalWidth ?? (process.stdout.isTTY ? process.stdout.columns : 80));
    default:
      return JSON.stringify(shaped, null, 4);
  }
}

function isEmptyObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}
