import type { IRecognitionException, IToken } from 'chevrotain';
import type {
  AclCriterion,
  Comment,
  Condition,
  ConditionTerm,
  ConditionalBlock,
  ConfigFile,
  Directive,
  EnvVarRef,
  Range,
  Section,
  SectionType,
  SyntaxProblem,
  Word,
} from './ast';
import { tokenizeForParser } from './lexer';
import { parseLineTokens } from './parser';
import { AnchoredPosition, anchoredTokenRange, spanRanges, subRange, type LineAnchor } from './positions';
import { rawTextProblems } from './raw-text-checks';
import { parseSampleExpression } from './sample-expression';
import { CONDITIONAL_KEYWORDS, NAMED_SECTIONS, SECTION_KEYWORDS } from './section-keywords';
import { CloseBrace, If, Newline, OpenBrace, Unless, UnterminatedWord } from './tokens';
import { isPlainText, wordFromToken } from './word';
import { spanWords, WordNode } from './word-node';

/** Shared by the words without environment variables (most of them): one array less per word. */
const NO_ENV_VARS: readonly EnvVarRef[] = Object.freeze([]);

/** One physical line of the file: its word tokens and its comment. */
interface SourceLine {
  words: IToken[];
  comment?: IToken;
  newline?: IToken;
}

/**
 * Parses haproxy.cfg text into a typed syntax tree. Never throws: every problem becomes an entry of
 * `syntaxErrors`, and each line is parsed on its own so one broken line leaves the rest intact.
 */
export function parseConfig(text: string): ConfigFile {
  const fragment = parseFragment(text, { line: 0, offset: 0 }, true);
  const endsWithNewline = /[\r\n]$/.test(text);
  const lineBreaks = countLineBreaks(text);
  const file: ConfigFile = {
    kind: 'file',
    text,
    orphans: fragment.orphans,
    sections: fragment.sections,
    conditionals: fragment.conditionals,
    messages: fragment.messages,
    comments: fragment.comments,
    syntaxErrors: fragment.syntaxErrors,
    lineCount: lineCountOf(text, lineBreaks, endsWithNewline),
    endsWithNewline,
  };
  parseStates.set(file, { anchors: fragment.anchors, lineBreaks, rawProblems: fragment.rawProblems });
  return file;
}

/** What a later incremental parse needs from an earlier one. */
export interface ParseState {
  /** Every line anchor of the file's nodes. */
  anchors: LineAnchor[];
  lineBreaks: number;
  /** Whether the text had NUL bytes, lone CRs or byte order marks (reported once per file, so not incremental). */
  rawProblems: boolean;
}

/** Parse states by file, for `reparseConfig` (server/src/syntax/incremental-parse.ts). */
export const parseStates = new WeakMap<ConfigFile, ParseState>();

/** The nodes parsed from a run of whole lines of a file. */
export interface ParsedFragment extends Pick<ConfigFile, 'orphans' | 'sections' | 'conditionals' | 'messages' | 'comments' | 'syntaxErrors'> {
  anchors: LineAnchor[];
  rawProblems: boolean;
}

/**
 * Parses `text`, a run of whole lines starting at `base` in a file: positions are those of the file. `atEnd`
 * tells whether the run ends the file (a missing final newline is reported then).
 */
export function parseFragment(text: string, base: LineAnchor, atEnd: boolean): ParsedFragment {
  const lexed = tokenizeForParser(text);
  const builder = new TreeBuilder(text, base);
  for (const error of lexed.errors) {
    const line = (error.line ?? 1) - 1;
    const column = (error.column ?? 1) - 1;
    const anchor = builder.anchorAt(line, error.offset - column);
    builder.problem(`Unexpected character '${text.slice(error.offset, error.offset + error.length)}'`, {
      start: new AnchoredPosition(anchor, column),
      end: new AnchoredPosition(anchor, column + error.length),
    });
  }
  const raw = rawTextProblems(text);
  for (const problem of raw) {
    const { line, column, offset } = problem.range.start;
    const anchor = builder.anchorAt(line, offset - column);
    builder.problem(problem.message, { start: new AnchoredPosition(anchor, column), end: new AnchoredPosition(anchor, problem.range.end.column) });
  }
  for (const line of splitLines(lexed.tokens, lexed.groups.comments ?? [])) builder.addLine(line);
  return builder.finish(atEnd, raw.length > 0);
}

function splitLines(tokens: IToken[], comments: IToken[]): SourceLine[] {
  const lines: SourceLine[] = [];
  let current: SourceLine = { words: [] };
  let commentIndex = 0;
  const attachComments = (beforeOffset: number) => {
    while (commentIndex < comments.length && comments[commentIndex].startOffset < beforeOffset) {
      current.comment = comments[commentIndex++];
    }
  };
  for (const token of tokens) {
    if (token.tokenType === Newline) {
      attachComments(token.startOffset);
      current.newline = token;
      lines.push(current);
      current = { words: [] };
    } else {
      current.words.push(token);
    }
  }
  attachComments(Number.MAX_SAFE_INTEGER);
  if (current.words.length > 0 || current.comment) lines.push(current);
  return lines;
}

class TreeBuilder {
  private readonly fragment: ParsedFragment = {
    orphans: [],
    sections: [],
    conditionals: [],
    messages: [],
    comments: [],
    syntaxErrors: [],
    anchors: [],
    rawProblems: false,
  };
  private section: Section | undefined;
  private readonly openBlocks: ConditionalBlock[] = [];
  private lastAnchor: LineAnchor | undefined;
  private lastAnchorLine = -1;
  private readonly anchorsByLine = new Map<number, LineAnchor>();

  constructor(
    private readonly text: string,
    private readonly base: LineAnchor,
  ) {}

  /** The anchor of a line of the fragment, from its 0-based line number and start offset in the fragment. */
  anchorAt(line: number, lineStart: number): LineAnchor {
    if (line === this.lastAnchorLine && this.lastAnchor) return this.lastAnchor;
    let anchor = this.anchorsByLine.get(line);
    if (!anchor) {
      anchor = { line: this.base.line + line, offset: this.base.offset + lineStart };
      this.anchorsByLine.set(line, anchor);
      this.fragment.anchors.push(anchor);
    }
    this.lastAnchor = anchor;
    this.lastAnchorLine = line;
    return anchor;
  }

  private tokenAnchor(token: IToken): LineAnchor {
    const line = (token.startLine ?? 1) - 1;
    return line === this.lastAnchorLine && this.lastAnchor ? this.lastAnchor : this.anchorAt(line, token.startOffset - ((token.startColumn ?? 1) - 1));
  }

  private tokenRange(token: IToken): Range {
    return anchoredTokenRange(token, this.tokenAnchor(token));
  }

  problem(message: string, range: Range): void {
    this.fragment.syntaxErrors.push({ message, range });
  }

  addLine(line: SourceLine): void {
    const comment = line.comment ? this.comment(line.comment) : undefined;
    if (line.words.length === 0) return;
    const words = line.words.map((token) => this.word(token));
    for (const token of line.words) {
      if (token.tokenType === UnterminatedWord) {
        const quoteAt = firstUnclosedQuote(token.image);
        this.problem('Unmatched quote: the string is not closed before the end of the line', subRange(this.tokenRange(token), quoteAt, token.image.length));
      }
    }
    const first = words[0];
    if (first.raw.startsWith('.') && /^\.(if|elif|else|endif|diag|notice|warning|alert)$/.test(first.raw)) {
      this.addDotLine(first, words.slice(1));
      return;
    }
    const keyword = first.value;
    if (SECTION_KEYWORDS.has(keyword) && first.raw === keyword) {
      this.openSection(keyword as SectionType, first, words.slice(1), comment);
      return;
    }
    const hasCondition = line.words.some((t) => t.tokenType === If || t.tokenType === Unless);
    const errors = hasCondition ? parseLineTokens(line.words).errors : [];
    this.addDirective(line.words, words, errors, comment);
  }

  private addDotLine(keyword: Word, args: Word[]): void {
    const range = args.length ? spanRanges(keyword.range, args[args.length - 1].range) : keyword.range;
    switch (keyword.raw) {
      case '.if': {
        const block: ConditionalBlock = { kind: 'conditional', branches: [{ keyword, args, range }], range, parent: this.openBlocks.at(-1) };
        if (args.length === 0) this.problem("'.if' needs a condition", keyword.range);
        this.openBlocks.push(block);
        this.fragment.conditionals.push(block);
        return;
      }
      case '.elif':
      case '.else': {
        const block = this.openBlocks.at(-1);
        if (!block) {
          this.problem(`'${keyword.raw}' without a matching '.if'`, keyword.range);
        } else if (block.branches.some((b) => b.keyword.raw === '.else')) {
          this.problem(`'${keyword.raw}' after '.else' in the same block`, keyword.range);
        } else {
          block.branches.push({ keyword, args, range });
        }
        if (keyword.raw === '.elif' && args.length === 0) this.problem("'.elif' needs a condition", keyword.range);
        return;
      }
      case '.endif': {
        const block = this.openBlocks.pop();
        if (!block) {
          this.problem("'.endif' without a matching '.if'", keyword.range);
        } else {
          block.endif = keyword;
          block.range = spanRanges(block.range, keyword.range);
        }
        return;
      }
      default:
        this.fragment.messages.push({ kind: 'message', keyword, args, range });
    }
  }

  private openSection(type: SectionType, keyword: Word, args: Word[], comment?: Comment): void {
    this.closeSection();
    const headerRange = spanWords(keyword, args.length ? args[args.length - 1] : keyword);
    const section: Section = {
      kind: 'section',
      type,
      keyword,
      headerArgs: args,
      directives: [],
      comment,
      headerRange,
      range: headerRange,
      guard: this.openBlocks.at(-1),
    };
    const fromIndex = args.findIndex((arg) => arg.value === 'from');
    if (NAMED_SECTIONS.has(type) && args.length > 0 && fromIndex !== 0) section.name = args[0];
    if (fromIndex >= 0 && (type === 'defaults' || type === 'frontend' || type === 'backend' || type === 'listen')) {
      section.from = args[fromIndex + 1];
      if (!section.from) this.problem("'from' must be followed by the name of a defaults section", args[fromIndex].range);
    }
    this.section = section;
    this.fragment.sections.push(section);
  }

  private closeSection(): void {
    this.section = undefined;
  }

  private addDirective(tokens: IToken[], words: Word[], errors: IRecognitionException[], comment?: Comment): void {
    let prefix: Word | undefined;
    let index = 0;
    if ((words[0].value === 'no' || words[0].value === 'default') && words.length > 1) {
      prefix = words[0];
      index = 1;
    }
    const keyword = words[index];
    let args = words.slice(index + 1);
    let condition: Condition | undefined;
    const conditionAt = tokens.findIndex((t, i) => i > index && (t.tokenType === If || t.tokenType === Unless));
    if (CONDITIONAL_KEYWORDS.has(keyword.value) && conditionAt > index) {
      if (errors.length > 0) {
        this.reportLineError(tokens, errors[0]);
      } else {
        condition = this.condition(words, tokens, conditionAt);
      }
      args = words.slice(index + 1, conditionAt);
    }
    const last = words[words.length - 1];
    const directive: Directive = {
      kind: 'directive',
      prefix,
      keyword,
      args,
      condition,
      comment,
      range: spanWords(words[0], last),
      guard: this.openBlocks.at(-1),
    };
    if (this.section) {
      this.section.directives.push(directive);
      this.section.range = spanRanges(this.section.range, directive.range);
    } else {
      this.fragment.orphans.push(directive);
    }
  }

  private condition(words: Word[], tokens: IToken[], at: number): Condition {
    const groups: ConditionTerm[][] = [[]];
    let i = at + 1;
    while (i < tokens.length) {
      const token = tokens[i];
      if (token.tokenType.name === 'Or') {
        groups.push([]);
        i++;
      } else if (token.tokenType === OpenBrace) {
        const open = words[i];
        let close = i + 1;
        while (close < tokens.length && tokens[close].tokenType !== CloseBrace) close++;
        const inner = words.slice(i + 1, close);
        const closeWord = words[close];
        const negated = (open.raw.length - 1) % 2 === 1;
        groups[groups.length - 1].push({
          kind: 'anonymous-acl',
          negated,
          open,
          close: closeWord,
          words: inner,
          criterion: inner.length ? parseAclCriterion(inner) : undefined,
          range: spanRanges(open.range, (closeWord ?? inner.at(-1) ?? open).range),
        });
        i = close + 1;
      } else {
        const word = words[i];
        const bangs = /^!*/.exec(word.raw)![0].length;
        if (bangs < word.raw.length) {
          groups[groups.length - 1].push({
            kind: 'acl-ref',
            negated: bangs % 2 === 1,
            name: word.value.slice(bangs),
            word,
            nameRange: subRange(word.range, bangs, word.raw.length),
            range: word.range,
          });
        }
        i++;
      }
    }
    const keyword = words[at];
    return {
      kind: 'condition',
      polarity: keyword.value === 'if' ? 'if' : 'unless',
      keyword,
      groups,
      range: spanWords(keyword, words[words.length - 1]),
    };
  }

  private reportLineError(tokens: IToken[], error: IRecognitionException): void {
    const token = error.token;
    const atEnd = !token || token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
    const rules = error.context?.ruleStack ?? [];
    const last = tokens[tokens.length - 1];
    if (atEnd && rules.includes('anonymousAcl')) {
      const open = [...tokens].reverse().find((t) => t.tokenType === OpenBrace) ?? last;
      this.problem("Anonymous ACL opened with '{' is not closed with '}' on this line", this.tokenRange(open));
    } else if (atEnd) {
      this.problem(`A condition is expected after '${last.image}'`, this.tokenRange(last));
    } else if (token.tokenType === CloseBrace) {
      this.problem("'}' without a matching '{'", this.tokenRange(token));
    } else if (token.tokenType.name === 'Or') {
      this.problem(`A condition is expected before '${token.image}'`, this.tokenRange(token));
    } else {
      this.problem(`Unexpected '${token.image}' in the condition`, this.tokenRange(token));
    }
  }

  private word(token: IToken): Word {
    // Most words are plain: build them directly, sparing the decoder's intermediate objects (GC dominates here).
    const raw = token.image;
    if (isPlainText(raw)) return new WordNode(raw, raw, false, NO_ENV_VARS, this.tokenAnchor(token), (token.startColumn ?? 1) - 1);
    const { word, problems } = wordFromToken(token, this.tokenRange(token));
    for (const p of problems) this.problem(p.message, subRange(word.range, p.start, p.end));
    return word;
  }

  private comment(token: IToken): Comment {
    const comment: Comment = { kind: 'comment', text: token.image, range: this.tokenRange(token) };
    this.fragment.comments.push(comment);
    return comment;
  }

  finish(atEnd: boolean, rawProblems: boolean): ParsedFragment {
    const fragment = this.fragment;
    fragment.rawProblems = rawProblems;
    for (const block of this.openBlocks) {
      this.problem("'.if' block is not closed by '.endif'", block.branches[0].keyword.range);
    }
    const text = this.text;
    if (atEnd && text.length > 0 && !/[\r\n]$/.test(text)) {
      const lastLine = countLineBreaks(text);
      const lastLineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
      const at = new AnchoredPosition(this.anchorAt(lastLine, lastLineStart), text.length - lastLineStart);
      this.problem('Missing newline at the end of the last line: HAProxy refuses a file whose last line is not terminated', { start: at, end: at });
    }
    fragment.syntaxErrors.sort((a: SyntaxProblem, b: SyntaxProblem) => a.range.start.offset - b.range.start.offset);
    fragment.anchors.sort((a, b) => a.offset - b.offset);
    return fragment;
  }
}

/** The number of lines of a text (a trailing newline does not start a new line). */
export function lineCountOf(text: string, lineBreaks: number, endsWithNewline: boolean): number {
  return text.length === 0 ? 0 : lineBreaks + 1 - (endsWithNewline ? 1 : 0);
}

/** Line breaks as the lexer counts them (CRLF, CR, LF), without splitting the text into strings. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

function firstUnclosedQuote(raw: string): number {
  let quote: string | undefined;
  let at = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && quote !== "'") i++;
    else if ((c === '"' || c === "'") && (!quote || quote === c)) {
      if (quote) quote = undefined;
      else {
        quote = c;
        at = i;
      }
    }
  }
  return at;
}

const ACL_FLAGS_WITH_ARG = new Set(['-f', '-m', '-M', '-u']);
const ACL_FLAGS = new Set(['-i', '-n', '-f', '-m', '-M', '-u', '--']);
const ACL_OPERATORS = new Set(['eq', 'ge', 'gt', 'le', 'lt']);

/** Splits the words of an ACL after its name into criterion, flags, operator and patterns. */
export function parseAclCriterion(words: Word[]): AclCriterion {
  const expression = parseSampleExpression(words[0]);
  const flags: AclCriterion['flags'] = [];
  let i = 1;
  let matchMethod: string | undefined;
  while (i < words.length && ACL_FLAGS.has(words[i].value)) {
    const flag = words[i];
    if (flag.value === '--') {
      flags.push({ flag });
      i++;
      break;
    }
    const arg = ACL_FLAGS_WITH_ARG.has(flag.value) ? words[i + 1] : undefined;
    if (flag.value === '-m' && arg) matchMethod = arg.value;
    flags.push({ flag, arg });
    i += arg ? 2 : 1;
  }
  let operator: Word | undefined;
  if (i < words.length - 1 && ACL_OPERATORS.has(words[i].value)) operator = words[i++];
  return { expression, flags, matchMethod, operator, patterns: words.slice(i) };
}

