import { type ArgType, guessArgType } from './placeholder-types';
import { RULE_SETS, type RuleSet } from './types';

/**
 * One element of an argument shape, read from a manual syntax line:
 * `balance url_param <param> [check_post]`, `mode { tcp|http }`, `ssl-min-ver [ SSLv3 | TLSv1.0 ]`.
 * `repeat` means the element may occur several times (`...`, `*`).
 */
export type ArgShape =
  | { readonly kind: 'literal'; readonly text: string; readonly repeat?: boolean }
  | {
      readonly kind: 'placeholder';
      readonly name: string;
      readonly type: ArgType;
      /** Allowed values when the placeholder lists them (`<on|off>`). */
      readonly values?: readonly string[];
      readonly repeat?: boolean;
    }
  /** A word mixing fixed text and placeholders: `<addr>[:<port>]`, `hdr(<name>)`. */
  | { readonly kind: 'pattern'; readonly text: string; readonly type: ArgType; readonly repeat?: boolean }
  /** `[ ... ]`: the items may be left out; with alternatives inside, at most one of them is used. */
  | { readonly kind: 'optional'; readonly options: readonly (readonly ArgShape[])[]; readonly repeat?: boolean }
  /** `{ a | b }` or a bare `a | b`: exactly one alternative. */
  | { readonly kind: 'choice'; readonly options: readonly (readonly ArgShape[])[]; readonly repeat?: boolean }
  /** `[ { if | unless } <condition> ]`. */
  | { readonly kind: 'condition'; readonly optional: boolean };

/** A syntax line split into the keyword it documents and the shape of its arguments. */
export interface SyntaxShape {
  /** The line, continuation lines joined. */
  readonly text: string;
  /** `no` for lines documenting the negated form (`no option httpclose`). */
  readonly prefix?: 'no';
  /** The rule set written in front of the keyword (action lines of the 2.8 and older manuals). */
  readonly ruleSet?: RuleSet;
  /** Arguments written in parentheses right after the name: `sc-inc-gpc(<idx>,<sc-id>)`, `req.hdr([<name>])`. */
  readonly call?: readonly ArgShape[];
  readonly args: readonly ArgShape[];
  /** Output type after ` : ` (sample fetches). */
  readonly output?: string;
}

type Piece =
  | { t: 'text'; v: string }
  | { t: 'ph'; v: string }
  | { t: 'group'; open: '[' | '{'; alts: Piece[][][]; star: boolean };

/** Reads a syntax line into units (words made of adjacent pieces), alternatives split on `|`. */
class LineReader {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly separators: string,
  ) {}

  read(): Piece[][][] {
    return this.sequence(undefined);
  }

  private sequence(closer: string | undefined): Piece[][][] {
    const alts: Piece[][][] = [[]];
    let unit: Piece[] = [];
    const endUnit = () => {
      if (unit.length) alts[alts.length - 1].push(unit);
      unit = [];
    };
    const addText = (ch: string) => {
      const last = unit[unit.length - 1];
      if (last?.t === 'text') last.v += ch;
      else unit.push({ t: 'text', v: ch });
    };
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (this.separators.includes(ch)) {
        this.pos++;
        endUnit();
      } else if (ch === '<') {
        const close = this.text.indexOf('>', this.pos + 1);
        if (close < 0) {
          addText(ch);
          this.pos++;
        } else {
          unit.push({ t: 'ph', v: this.text.slice(this.pos + 1, close) });
          this.pos = close + 1;
        }
      } else if (ch === '[' || ch === '{') {
        this.pos++;
        const inner = this.sequence(ch === '[' ? ']' : '}');
        const star = this.text[this.pos] === '*';
        if (star) this.pos++;
        unit.push({ t: 'group', open: ch, alts: inner, star });
      } else if (ch === closer) {
        this.pos++;
        endUnit();
        return alts;
      } else if (ch === '|') {
        this.pos++;
        endUnit();
        alts.push([]);
      } else {
        addText(ch);
        this.pos++;
      }
    }
    endUnit();
    return alts;
  }
}

function unitText(unit: Piece[]): string {
  return unit
    .map((p) => {
      if (p.t === 'text') return p.v;
      if (p.t === 'ph') return `<${p.v}>`;
      const open = p.open;
      const close = open === '[' ? ']' : '}';
      return `${open}${p.alts.map((alt) => alt.map(unitText).join(' ')).join('|')}${close}${p.star ? '*' : ''}`;
    })
    .join('');
}

function isConditionChoice(options: readonly (readonly ArgShape[])[]): boolean {
  const words = options.map((o) => (o.length === 1 && o[0].kind === 'literal' ? o[0].text : ''));
  return words.length === 2 && words.includes('if') && words.includes('unless');
}

function withRepeat(shape: ArgShape): ArgShape {
  return shape.kind === 'condition' ? shape : { ...shape, repeat: true };
}

function placeholderShape(raw: string): ArgShape {
  let name = raw.trim();
  let repeat = false;
  if (/(,\s*)?\.\.\.$/.test(name)) {
    repeat = true;
    name = name.replace(/(,\s*)?\.\.\.$/, '').trim();
  }
  const type = guessArgType(name);
  const shape: ArgShape =
    type === 'enum' ? { kind: 'placeholder', name, type, values: name.split('|').map((v) => v.trim()) } : { kind: 'placeholder', name, type };
  return repeat ? withRepeat(shape) : shape;
}

function patternType(unit: Piece[]): ArgType {
  const names = unit.flatMap((p) => (p.t === 'ph' ? [p.v] : p.t === 'group' ? p.alts.flat(2).filter((q) => q.t === 'ph').map((q) => q.v) : []));
  const types = names.map(guessArgType);
  if (types.includes('address')) return 'address';
  return types[0] ?? 'string';
}

function convertSequence(units: Piece[][]): ArgShape[] {
  const out: ArgShape[] = [];
  for (const unit of units) {
    const shape = convertUnit(unit);
    if (shape === 'repeat-previous') {
      const previous = out.pop();
      if (previous) out.push(withRepeat(previous));
      continue;
    }
    if (shape) out.push(shape);
  }
  // `[ { if | unless } <condition> ]` and `{ if | unless } <condition>`.
  for (let i = 0; i < out.length; i++) {
    const item = out[i];
    if (item.kind === 'optional' && item.options.length === 1) {
      const inner = item.options[0];
      if (inner[0]?.kind === 'condition' || (inner[0]?.kind === 'choice' && isConditionChoice(inner[0].options))) {
        out[i] = { kind: 'condition', optional: true };
      }
    } else if (item.kind === 'choice' && isConditionChoice(item.options) && out[i + 1]?.kind === 'placeholder') {
      out.splice(i, 2, { kind: 'condition', optional: false });
    }
  }
  return out;
}

function convertUnit(unit: Piece[]): ArgShape | 'repeat-previous' | undefined {
  if (unit.length === 1) {
    const piece = unit[0];
    if (piece.t === 'ph') return placeholderShape(piece.v);
    if (piece.t === 'text') {
      const text = piece.v;
      if (text === '...' || text === ',...' || text === ',') return text === ',' ? undefined : 'repeat-previous';
      if (/^\w[\w.-]*\*$/.test(text)) return withRepeat({ kind: 'placeholder', name: text.slice(0, -1), type: 'string' });
      if (text.endsWith('...')) return withRepeat({ kind: 'literal', text: text.slice(0, -3) });
      return { kind: 'literal', text };
    }
    const options = piece.alts.map(convertSequence).filter((o) => o.length > 0);
    // `[, ...]` and `[...]`: the previous element repeats.
    const onlyRepeat = piece.alts.every((alt) => alt.every((u) => u.length === 1 && u[0].t === 'text' && /^,?(\s*\.\.\.)?$|^,$/.test(u[0].v)));
    if (onlyRepeat && piece.open === '[') return 'repeat-previous';
    if (options.length === 0) return undefined;
    const shape: ArgShape = piece.open === '[' ? { kind: 'optional', options } : { kind: 'choice', options };
    if (piece.open === '{' && options.length === 1 && options[0].length === 1 && !piece.star) return options[0][0];
    return piece.star ? withRepeat(shape) : shape;
  }
  return { kind: 'pattern', text: unitText(unit), type: patternType(unit) };
}

/** Joins continuation lines (those starting with blanks) to the line they continue. */
export function joinSyntaxLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (/^\s/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line.trim());
  }
  return out.filter((l) => l !== '');
}

/** The first word of a line; blanks inside `<...>` or parentheses do not end it. */
function firstWord(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<' || ch === '(') depth++;
    else if ((ch === '>' || ch === ')') && depth > 0) depth--;
    else if (/\s/.test(ch) && depth === 0) return text.slice(0, i);
  }
  return text;
}

function splitCall(word: string): { name: string; inner: string } | undefined {
  const open = word.indexOf('(');
  if (open <= 0 || !word.endsWith(')')) return undefined;
  return { name: word.slice(0, open), inner: word.slice(open + 1, -1) };
}

/**
 * Parses one syntax line of keyword `name` into its argument shape. Never throws: text it cannot
 * read becomes literal or pattern elements.
 */
export function parseSyntaxLine(line: string, name: string): SyntaxShape {
  // The 2.5-2.8 manuals misspell one rule set as `tcp-resposne`.
  let text = line.replace(/\s+\((deprecated|obsolete|experimental)\)\s*$/i, '').replace(/^tcp-resposne /, 'tcp-response ').trim();
  let output: string | undefined;
  const typed = /^(\S.*?)\s+:\s+([\w /+-]+)$/.exec(text);
  if (typed && !/[<[{]/.test(typed[2])) {
    text = typed[1];
    output = typed[2].trim();
  }
  let prefix: 'no' | undefined;
  if (text.startsWith('no ') && !name.startsWith('no ')) {
    prefix = 'no';
    text = text.slice(3).trim();
  }
  let ruleSet: RuleSet | undefined;
  for (const rs of [...RULE_SETS].sort((a, b) => b.length - a.length)) {
    if (!name.startsWith(`${rs} `) && text.startsWith(`${rs} `) && rs !== name) {
      ruleSet = rs;
      text = text.slice(rs.length).trim();
      break;
    }
  }
  const first = firstWord(text);
  let call: ArgShape[] | undefined;
  const called = splitCall(first);
  const nameWords = name.split(' ');
  if (called && (called.name === nameWords[0] || nameWords.length === 1)) {
    const inner = called.inner.replace(/\[\s*,/g, ' [').replace(/,/g, ' ');
    call = convertSequence(new LineReader(inner, ' \t').read().flat());
    text = `${called.name}${text.slice(first.length)}`;
  }
  const alternatives = new LineReader(text, ' \t').read();
  let args = alternatives.length > 1 ? [{ kind: 'choice', options: alternatives.map(convertSequence) } as ArgShape] : convertSequence(alternatives[0] ?? []);
  args = stripKeyword(args, nameWords);
  const shape: { -readonly [K in keyof SyntaxShape]: SyntaxShape[K] } = { text: line.trim(), args };
  if (prefix) shape.prefix = prefix;
  if (ruleSet) shape.ruleSet = ruleSet;
  if (call) shape.call = call;
  if (output) shape.output = output;
  return shape;
}

function stripKeyword(args: ArgShape[], nameWords: readonly string[]): ArgShape[] {
  let index = 0;
  for (const word of nameWords) {
    const item = args[index];
    if (!item) break;
    if (item.kind === 'literal' && item.text === word) index++;
    else if (item.kind === 'choice' && item.options.some((o) => o.length === 1 && o[0].kind === 'literal' && o[0].text === word)) index++;
    else if (item.kind === 'pattern' && (item.text === word || item.text.startsWith(`${word}(`))) index++;
    else break;
  }
  return args.slice(index);
}

/** Parses every syntax line of a keyword (continuations joined). */
export function parseSyntax(lines: readonly string[], name: string): SyntaxShape[] {
  return joinSyntaxLines(lines).map((line) => parseSyntaxLine(line, name));
}
