import { argumentShapes, argumentValues, type ArgShape, type HaproxyVersion, type KeywordEntry } from '../model/catalog';

/** Escapes text for a snippet body. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** Default values for timeouts, where a bare `<timeout>` would tell the user little. */
const TIME_DEFAULTS: Readonly<Record<string, string>> = {
  'timeout connect': '5s',
  'timeout client': '30s',
  'timeout server': '30s',
  'timeout http-request': '10s',
  'timeout http-keep-alive': '10s',
  'timeout queue': '30s',
  'timeout tunnel': '1h',
  'timeout check': '5s',
  'timeout tarpit': '5s',
  'timeout client-fin': '30s',
  'timeout server-fin': '30s',
};

/** Builds `${n:...}` fields, numbering them in order. */
class SnippetWriter {
  private next = 1;
  readonly parts: string[] = [];

  literal(text: string): void {
    this.parts.push(escapeSnippet(text));
  }

  field(text: string): void {
    this.parts.push(`\${${this.next++}:${escapeSnippet(text)}}`);
  }

  /** Goes on numbering after the fields of another writer. */
  continueFrom(other: SnippetWriter): void {
    this.next = Math.max(this.next, other.next);
  }

  choice(values: readonly string[]): void {
    if (values.length === 1) this.literal(values[0]);
    else this.parts.push(`\${${this.next++}|${values.map(escapeChoice).join(',')}|}`);
  }
}

function literalAlternatives(options: readonly (readonly ArgShape[])[]): string[] | undefined {
  const texts = options.map((o) => (o.length === 1 && o[0].kind === 'literal' ? o[0].text : undefined));
  return texts.every((t): t is string => t !== undefined) ? texts : undefined;
}

function placeholderDefault(entry: KeywordEntry, element: Extract<ArgShape, { kind: 'placeholder' | 'pattern' }>): string {
  if (element.type === 'time') return TIME_DEFAULTS[entry.name] ?? '10s';
  if (element.kind === 'pattern') return element.text.replace(/[<>[\]{}]/g, '') || 'value';
  return element.name;
}

/**
 * Writes the required arguments of a syntax form as snippet fields, stopping at the first optional part.
 * Enumerated values become a choice (`mode ${1|tcp,http|}`). The first `required` elements count as required
 * even when bracketed (an option's value, which some syntax lines write in brackets).
 */
function writeArgs(writer: SnippetWriter, entry: KeywordEntry, args: readonly ArgShape[], version: HaproxyVersion, required = 0): void {
  const values = argumentValues(entry.kind, entry.name, version);
  for (let position = 0; position < args.length; position++) {
    const element = args[position];
    const known = values.find((v) => v.position === position)?.values.map((v) => v.value);
    if (element.kind === 'condition') return;
    if (element.kind === 'optional') {
      if (position >= required) return;
      const alternatives = literalAlternatives(element.options);
      if (known?.length) writer.choice(known);
      else if (alternatives) writer.choice(alternatives);
      else writer.field('value');
    } else if (known?.length && element.kind !== 'literal') {
      writer.choice(known);
    } else if (element.kind === 'literal') {
      writer.literal(element.text);
    } else if (element.kind === 'choice') {
      const alternatives = literalAlternatives(element.options);
      if (alternatives) writer.choice(alternatives);
      else writer.field('value');
    } else if (element.kind === 'placeholder' && element.values) {
      writer.choice(element.values);
    } else {
      writer.field(placeholderDefault(entry, element));
    }
  }
}

/** The syntax form a snippet is made from: the first one without a `no` prefix. */
function firstShape(entry: KeywordEntry, version: HaproxyVersion) {
  const shapes = argumentShapes(entry, version);
  return shapes.find((s) => !s.prefix) ?? shapes[0];
}

/** Snippet text inserting a keyword with its required arguments: `timeout client ${1:30s}`, `set-var(${1:name}) ${2:expr}`. */
export function keywordSnippet(entry: KeywordEntry, version: HaproxyVersion, label = entry.name): string {
  const shape = firstShape(entry, version);
  const writer = new SnippetWriter();
  if (shape?.call?.length) {
    const inner = new SnippetWriter();
    writeCall(inner, shape.call);
    writer.literal(label);
    writer.parts[0] = inner.parts.length ? `${escapeSnippet(label)}(${inner.parts.join(',')})` : escapeSnippet(label);
    writer.continueFrom(inner);
  } else {
    writer.literal(label);
  }
  if (shape) writeArgs(writer, entry, shape.args, version);
  return writer.parts.join(' ');
}

function writeCall(writer: SnippetWriter, call: readonly ArgShape[]): void {
  for (const element of call) {
    if (element.kind === 'optional' || element.kind === 'condition') break;
    if (element.kind === 'literal') writer.literal(element.text);
    else writer.field(element.kind === 'placeholder' ? element.name : 'arg');
  }
}

/** Snippet text for a bind or server option, with its value when it takes one: `ssl-min-ver ${1|TLSv1.2,TLSv1.3|}`. */
export function optionSnippet(entry: KeywordEntry, version: HaproxyVersion): string {
  const writer = new SnippetWriter();
  writer.literal(entry.name);
  const arity = entry.arity ?? 0;
  if (arity === 0) return entry.name;
  const shape = firstShape(entry, version);
  writeArgs(writer, entry, shape?.args.length ? shape.args : [{ kind: 'placeholder', name: 'value', type: 'string' }], version, Math.max(arity, 1));
  const parts = writer.parts;
  return parts.length > 1 ? parts.join(' ') : `${entry.name} \${1:value}`;
}

/** Snippet text for a fetch or converter: its required call arguments in parentheses (`http_auth(${1:userlist})`). */
export function callSnippet(entry: KeywordEntry, version: HaproxyVersion, label = entry.name): string {
  const writer = new SnippetWriter();
  writeCall(writer, firstShape(entry, version)?.call ?? []);
  return writer.parts.length ? `${escapeSnippet(label)}(${writer.parts.join(',')})` : escapeSnippet(label);
}

/** True when a snippet holds fields (so it must be sent as a snippet, not plain text). */
export function hasFields(snippet: string): boolean {
  return /(^|[^\\])\$\{\d/.test(snippet);
}
