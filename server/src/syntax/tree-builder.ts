import type { IRecognitionException, IToken } from 'chevrotain';
import { parseAclCriterion } from './acl-criterion';
import type { Comment, Condition, ConditionTerm, ConditionalBlock, Directive, MessageDirective, Range, Section, SectionType, SyntaxProblem, Word } from './ast';
import { CommentNode } from './comment-node';
import { isWellFormedCondition } from './condition-shape';
import { AclRefNode, AnonymousAclNode, ConditionNode } from './condition-nodes';
import { DirectiveNode } from './directive-node';
import { endsWithLineBreak } from './line-count';
import type { ParsedFragment } from './parse-config';
import { parseLineTokens } from './parser';
import { LineTracker } from './line-tracker';
import { AnchoredPosition, lineSpan, spanRanges, subRange, type LineAnchor } from './positions';
import { CONDITIONAL_KEYWORDS, NAMED_SECTIONS, SECTION_KEYWORDS } from './section-keywords';
import { CloseBrace, If, InlineComment, OpenBrace, Or, Unless, UnterminatedWord } from './tokens';
import { decodeWord, isPlainText } from './word';
import { DecodedWordNode, endOf, spanWords, WordNode } from './word-node';

const DOT_KEYWORD = /^\.(?:if|elif|else|endif|diag|notice|warning|alert)$/;

/**
 * Builds the tree of a run of whole lines from the parser lexer's tokens (words and comments, by offset). Tokens
 * are read in place by index, lines told apart by the line breaks in the blanks between tokens: no per-line
 * objects or token arrays.
 */
export class TreeBuilder {
  // The fragment's lists, put together by finish (an object whose properties are replaced later changes shape).
  private readonly orphans: Directive[] = [];
  private readonly sections: Section[] = [];
  private readonly conditionals: ConditionalBlock[] = [];
  private readonly messages: MessageDirective[] = [];
  private readonly comments: Comment[] = [];
  private readonly syntaxErrors: SyntaxProblem[] = [];
  private section: Section | undefined;
  /** The last word of the current section's last directive: where the section's range ends. */
  private sectionEnd: Word | undefined;
  private readonly openBlocks: ConditionalBlock[] = [];
  /** Every line anchor made, in line order (but for early ones, see finish). */
  private readonly anchors: LineAnchor[] = [];
  private readonly baseLine: number;
  private readonly baseOffset: number;
  private lastAnchor: LineAnchor | undefined;
  private lastAnchorLine = -1;
  /** Anchors made before their lines are read (for problems found in the raw text), by line. */
  private earlyAnchors: Map<number, LineAnchor> | undefined;
  /** Where the tokens being read start in the fragment (their offsets are from there). */
  private tokensOffset = 0;
  /** The current line's anchor, and where the line starts in the fragment. */
  private lineAnchor: LineAnchor | undefined;
  private lineStart = 0;
  private lines: LineTracker | undefined;
  /** The words of the current line; reused from line to line, the nodes get exact-size copies of its parts. */
  private readonly words: Word[] = [];
  /** One string for every occurrence of a word's text: most words repeat (keywords, options, names). */
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly text: string,
    base: LineAnchor,
  ) {
    this.baseLine = base.line;
    this.baseOffset = base.offset;
  }

  /**
   * The anchor of a line of the fragment, from its 0-based line number and start offset in the fragment. `early`
   * is for a line not read yet (a problem found in the raw text): its anchor is kept for when the line is read.
   */
  private anchorAt(line: number, lineStart: number, early = false): LineAnchor {
    if (line === this.lastAnchorLine) return this.lastAnchor!;
    let anchor = this.earlyAnchors === undefined ? undefined : this.earlyAnchors.get(line);
    if (anchor === undefined) {
      anchor = { line: this.baseLine + line, offset: this.baseOffset + lineStart };
      this.anchors.push(anchor);
      if (early) (this.earlyAnchors ??= new Map()).set(line, anchor);
    }
    if (!early) {
      this.lastAnchor = anchor;
      this.lastAnchorLine = line;
    }
    return anchor;
  }

  /** Adds a problem found in the raw text, before its line is read: columns `column` to `endColumn` of line `line`. */
  rawProblem(message: string, line: number, lineStart: number, column: number, endColumn: number): void {
    const anchor = this.anchorAt(line, lineStart, true);
    this.problem(message, lineSpan(anchor, column, endColumn));
  }

  /** Range of a token of the current line. */
  private tokenRange(token: IToken): Range {
    const column = this.tokensOffset + token.startOffset - this.lineStart;
    return lineSpan(this.lineAnchor!, column, column + token.image.length);
  }

  private problem(message: string, range: Range): void {
    this.syntaxErrors.push({ message, range });
  }

  /**
   * Reads lines of the fragment from their tokens, words and comments sorted by offset, `offset` being where the
   * tokens' offsets start from. A line is a run of words with no line break between them; a comment ends its line.
   * Calls read whole lines, in order. One pass, words made as they come: this runs before the JIT has optimised
   * anything when the CLI parses a file, so every call and allocation saved counts.
   */
  read(tokens: IToken[], offset: number): void {
    this.tokensOffset = offset;
    const lines = (this.lines ??= new LineTracker(this.text));
    const words = this.words;
    const strings = this.strings;
    const tokenCount = tokens.length;
    /** Words read on the current line, from `tokens[first]` on. */
    let count = 0;
    let first = 0;
    let anchor = this.lastAnchor!;
    /** Turns a token offset into a column of the current line. */
    let toColumn = 0;
    for (let i = 0; i < tokenCount; i++) {
      const token = tokens[i];
      const at = offset + token.startOffset;
      let raw = token.image;
      const newLine = lines.next(at, raw.length);
      if (token.tokenType === InlineComment) {
        if (count > 0 && !newLine) {
          this.endLine(tokens, first, i, this.comment(token, at));
        } else {
          if (count > 0) this.endLine(tokens, first, i, undefined);
          this.comment(token, at);
        }
        count = 0;
        continue;
      }
      if (newLine && count > 0) {
        this.endLine(tokens, first, i, undefined);
        count = 0;
      }
      if (count === 0) {
        first = i;
        const lineStart = lines.lineStart;
        anchor = this.anchorAt(lines.line, lineStart);
        this.lineAnchor = anchor;
        this.lineStart = lineStart;
        toColumn = offset - lineStart;
      }
      const known = strings.get(raw);
      if (known === undefined) strings.set(raw, raw);
      else raw = known;
      words[count++] = isPlainText(raw) ? new WordNode(raw, anchor, token.startOffset + toColumn) : this.decodedWord(raw, anchor, token.startOffset + toColumn);
    }
    if (count > 0) this.endLine(tokens, first, tokenCount, undefined);
  }

  /** Adds the line made of `tokens[start..end)`, whose words are in `this.words`. */
  private endLine(tokens: IToken[], start: number, end: number, comment: Comment | undefined): void {
    const words = this.words;
    const count = end - start;
    for (let i = start; i < end; i++) {
      const token = tokens[i];
      if (token.tokenType === UnterminatedWord) {
        const quoteAt = firstUnclosedQuote(token.image);
        this.problem('Unmatched quote: the string is not closed before the end of the line', subRange(this.tokenRange(token), quoteAt, token.image.length));
      }
    }
    const first = words[0];
    if (first.raw.charCodeAt(0) === 46 && DOT_KEYWORD.test(first.raw)) {
      this.addDotLine(first, words.slice(1, count));
      return;
    }
    const keyword = first.value;
    if (SECTION_KEYWORDS.has(keyword) && first.raw === keyword) {
      this.openSection(keyword as SectionType, first, words.slice(1, count), comment);
      return;
    }
    this.addDirective(tokens, start, end, comment);
  }

  private addDotLine(keyword: Word, args: Word[]): void {
    const range = args.length ? spanRanges(keyword.range, args[args.length - 1].range) : keyword.range;
    switch (keyword.raw) {
      case '.if': {
        const block: ConditionalBlock = { kind: 'conditional', branches: [{ keyword, args, range }], range, parent: this.openBlocks.at(-1) };
        if (args.length === 0) this.problem("'.if' needs a condition", keyword.range);
        this.openBlocks.push(block);
        this.conditionals.push(block);
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
        this.messages.push({ kind: 'message', keyword, args, range });
    }
  }

  private openSection(type: SectionType, keyword: Word, args: Word[], comment?: Comment): void {
    this.closeSection();
    const fromIndex = args.findIndex((arg) => arg.value === 'from');
    const name = NAMED_SECTIONS.has(type) && args.length > 0 && fromIndex !== 0 ? args[0] : undefined;
    let from: Word | undefined;
    if (fromIndex >= 0 && (type === 'defaults' || type === 'frontend' || type === 'backend' || type === 'listen')) {
      from = args[fromIndex + 1];
      if (!from) this.problem("'from' must be followed by the name of a defaults section", args[fromIndex].range);
    }
    const headerRange = spanWords(keyword, args.length ? args[args.length - 1] : keyword);
    // Every property is set here, undefined or not and never added later: all sections share one shape.
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
      name,
      from,
    };
    this.section = section;
    this.sections.push(section);
  }

  /** Ends the current section: its range runs to the end of its last directive. */
  private closeSection(): void {
    const section = this.section;
    if (section && this.sectionEnd) {
      section.range = { start: section.headerRange.start, end: endOf(this.sectionEnd) };
      section.directives = trimmed(section.directives);
    }
    this.section = undefined;
    this.sectionEnd = undefined;
  }

  /** Adds the directive made of the current line's words, `tokens[start..end)` being their tokens. */
  private addDirective(tokens: IToken[], start: number, end: number, comment: Comment | undefined): void {
    const words = this.words;
    const count = end - start;
    let prefix: Word | undefined;
    let index = 0;
    if (count > 1 && (words[0].value === 'no' || words[0].value === 'default')) {
      prefix = words[0];
      index = 1;
    }
    const keyword = words[index];
    let argsEnd = count;
    let condition: Condition | undefined;
    if (CONDITIONAL_KEYWORDS.has(keyword.value)) {
      let at = index + 1;
      while (at < count && tokens[start + at].tokenType !== If && tokens[start + at].tokenType !== Unless) at++;
      if (at < count) {
        const errors = isWellFormedCondition(tokens, start + at + 1, end) ? [] : parseLineTokens(tokens.slice(start, end)).errors;
        if (errors.length > 0) {
          this.reportLineError(tokens.slice(start, end), errors[0]);
        } else {
          condition = this.condition(tokens, start, at, end);
        }
        argsEnd = at;
      }
    }
    const last = words[count - 1];
    const guard = this.openBlocks.length > 0 ? this.openBlocks[this.openBlocks.length - 1] : undefined;
    const extras = prefix || comment || guard || argsEnd < count ? { prefix, condition, comment, guard, last: argsEnd < count ? last : undefined } : undefined;
    const directive = new DirectiveNode(keyword, words.slice(index + 1, argsEnd), extras);
    if (this.section) {
      this.section.directives.push(directive);
      this.sectionEnd = last;
    } else {
      this.orphans.push(directive);
    }
  }

  /** The condition of the line `tokens[start..end)`, from its word `at` (`if` or `unless`) on. */
  private condition(tokens: IToken[], start: number, at: number, end: number): Condition {
    const words = this.words;
    const count = end - start;
    const groups: ConditionTerm[][] = [[]];
    let i = at + 1;
    while (i < count) {
      const token = tokens[start + i];
      if (token.tokenType === Or) {
        groups.push([]);
        i++;
      } else if (token.tokenType === OpenBrace) {
        const open = words[i];
        let close = i + 1;
        while (close < count && tokens[start + close].tokenType !== CloseBrace) close++;
        const inner = words.slice(i + 1, close);
        const closeWord = close < count ? words[close] : undefined;
        const negated = (open.raw.length - 1) % 2 === 1;
        groups[groups.length - 1].push(new AnonymousAclNode(negated, open, closeWord, inner, inner.length ? parseAclCriterion(inner) : undefined));
        i = close + 1;
      } else {
        const word = words[i];
        const bangs = leadingBangs(word.raw);
        if (bangs < word.raw.length) groups[groups.length - 1].push(new AclRefNode(bangs % 2 === 1, word.value.slice(bangs), word, bangs));
        i++;
      }
    }
    for (let g = 0; g < groups.length; g++) groups[g] = trimmed(groups[g]);
    const keyword = words[at];
    return new ConditionNode(keyword.value === 'if' ? 'if' : 'unless', keyword, groups, words[count - 1]);
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
    } else if (token.tokenType === Or) {
      this.problem(`A condition is expected before '${token.image}'`, this.tokenRange(token));
    } else {
      this.problem(`Unexpected '${token.image}' in the condition`, this.tokenRange(token));
    }
  }

  /** A word with quotes, escapes or `$`: its value decoded, its problems reported. */
  private decodedWord(raw: string, anchor: LineAnchor, column: number): Word {
    const decoded = decodeWord(raw);
    const word = new DecodedWordNode(raw, decoded.value, decoded.quoted, anchor, column);
    word.envVars = decoded.envVars.map((ref) => ({ name: ref.name, defaultValue: ref.defaultValue, range: subRange(word.range, ref.start, ref.end) }));
    for (const p of decoded.problems) this.problem(p.message, subRange(word.range, p.start, p.end));
    return word;
  }

  /** The comment node of a comment token at `at`, on the line the line tracker has reached. */
  private comment(token: IToken, at: number): Comment {
    const lines = this.lines!;
    const comment = new CommentNode(token.image, this.anchorAt(lines.line, lines.lineStart), at - lines.lineStart);
    this.comments.push(comment);
    return comment;
  }

  finish(atEnd: boolean, rawProblems: boolean): ParsedFragment {
    this.closeSection();
    for (const block of this.openBlocks) {
      this.problem("'.if' block is not closed by '.endif'", block.branches[0].keyword.range);
    }
    const text = this.text;
    const lines = (this.lines ??= new LineTracker(text));
    lines.reach(text.length);
    if (atEnd && text.length > 0 && !endsWithLineBreak(text)) {
      const at = new AnchoredPosition(this.anchorAt(lines.line, lines.lineStart), text.length - lines.lineStart);
      this.problem('Missing newline at the end of the last line: HAProxy refuses a file whose last line is not terminated', { start: at, end: at });
    }
    this.syntaxErrors.sort((a, b) => a.range.start.offset - b.range.start.offset);
    // Lines are read in order, so only anchors made before them can be out of place.
    if (this.earlyAnchors) this.anchors.sort((a, b) => a.offset - b.offset);
    return {
      orphans: this.orphans,
      sections: this.sections,
      conditionals: this.conditionals,
      messages: this.messages,
      comments: trimmed(this.comments),
      syntaxErrors: this.syntaxErrors,
      anchors: trimmed(this.anchors),
      lineBreaks: lines.line,
      rawProblems,
    };
  }
}

/** An exact-size copy: an array grown by `push` keeps spare room (16 slots at least), a cost in every long-lived node. */
function trimmed<T>(items: T[]): T[] {
  return items.slice();
}

function leadingBangs(raw: string): number {
  let count = 0;
  while (raw.charCodeAt(count) === 33) count++;
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
