/**
 * Expands VS Code snippet bodies the way the editor does when the user accepts every default:
 * `$1`/`${1}` take the text of the first placeholder with that number, `${1:default}` its default (which may
 * itself hold placeholders), `${1|a,b|}` its first choice, `$0` nothing. A backslash escapes `$`, `}` and
 * `\` (and `,` `|` inside choices); any other backslash is literal text.
 */

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] };

export interface ExpandedSnippet {
  text: string;
  /** Tab stop numbers used, sorted, `0` included when present. */
  tabStops: number[];
  /** Numbers of the tab stops offered as a choice. */
  choices: number[];
  /** Things the editor would not expand as written here (unterminated `${`, variables). */
  problems: string[];
}

class SnippetParser {
  private pos = 0;
  readonly problems: string[] = [];

  constructor(private readonly source: string) {}

  parse(): SnippetNode[] {
    const nodes = this.parseAny(false);
    if (this.pos < this.source.length) this.problems.push(`unexpected "}" at ${this.pos}`);
    return nodes;
  }

  private parseAny(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      const next = this.source[this.pos + 1];
      if (ch === '\\' && next !== undefined && '$}\\'.includes(next)) {
        text += next;
        this.pos += 2;
      } else if (ch === '}' && insidePlaceholder) {
        break;
      } else if (ch === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /** At a `$`: returns the construct it starts, or undefined (and leaves pos) when it is a literal `$`. */
  private parseDollar(): SnippetNode | undefined {
    const rest = this.source.slice(this.pos);
    const simple = /^\$(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(rest);
    if (simple) {
      this.pos += simple[0].length;
      return simple[1] !== undefined
        ? { kind: 'tabstop', index: Number(simple[1]) }
        : this.variable(simple[2], []);
    }
    const open = /^\$\{(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))([}:|])/.exec(rest);
    if (!open) return undefined;
    const start = this.pos;
    this.pos += open[0].length;
    const [, digits, name, separator] = open;
    if (separator === '}') return digits !== undefined ? { kind: 'tabstop', index: Number(digits) } : this.variable(name, []);
    if (separator === '|' && digits !== undefined) return this.parseChoice(Number(digits), start);
    if (separator === '|') {
      this.pos = start;
      return undefined;
    }
    const children = this.parseAny(true);
    if (this.source[this.pos] !== '}') {
      this.problems.push(`unterminated "\${" at ${start}`);
      return { kind: 'text', value: this.source.slice(start, this.pos) };
    }
    this.pos++;
    return digits !== undefined ? { kind: 'placeholder', index: Number(digits), children } : this.variable(name, children);
  }

  private parseChoice(index: number, start: number): SnippetNode {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      const next = this.source[this.pos + 1];
      if (ch === '\\' && next !== undefined && ',|$}\\'.includes(next)) {
        current += next;
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos++;
      } else if (ch === '|' && next === '}') {
        options.push(current);
        this.pos += 2;
        return { kind: 'choice', index, options };
      } else {
        current += ch;
        this.pos++;
      }
    }
    this.problems.push(`unterminated choice at ${start}`);
    return { kind: 'text', value: this.source.slice(start) };
  }

  private variable(name: string, children: SnippetNode[]): SnippetNode {
    this.problems.push(`variable $${name} depends on the editor; write \\$ for a literal dollar`);
    return { kind: 'variable', name, children };
  }
}

/** Expands a snippet body (a string or the lines of a snippet file entry) with every default accepted. */
export function expandSnippet(body: string | string[]): ExpandedSnippet {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const parser = new SnippetParser(source);
  const nodes = parser.parse();
  const first = new Map<number, SnippetNode>();
  const tabStops = new Set<number>();
  const choices = new Set<number>();

  const collect = (list: SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop') tabStops.add(node.index);
      if (node.kind === 'choice' || node.kind === 'placeholder') {
        tabStops.add(node.index);
        if (node.kind === 'choice') choices.add(node.index);
        if (!first.has(node.index)) first.set(node.index, node);
      }
      if (node.kind === 'placeholder' || node.kind === 'variable') collect(node.children);
    }
  };

  const values = new Map<number, string>();
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    const known = values.get(index);
    if (known !== undefined) return known;
    const node = first.get(index);
    if (!node || resolving.has(index)) return '';
    resolving.add(index);
    const value = node.kind === 'choice' ? node.options[0] ?? '' : node.kind === 'placeholder' ? render(node.children) : '';
    resolving.delete(index);
    values.set(index, value);
    return value;
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop':
            return valueOf(node.index);
          case 'choice':
            return node.options[0] ?? '';
          case 'placeholder':
            return node.children.length > 0 ? render(node.children) : valueOf(node.index);
          case 'variable':
            return node.children.length > 0 ? render(node.children) : node.name;
        }
      })
      .join('');

  collect(nodes);
  return {
    text: render(nodes),
    tabStops: [...tabStops].sort((a, b) => a - b),
    choices: [...choices].sort((a, b) => a - b),
    problems: parser.problems,
  };
}
