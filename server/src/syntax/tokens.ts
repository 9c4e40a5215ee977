import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of haproxy.cfg. HAProxy splits each line into words on unquoted, unescaped blanks; a `#` outside
 * quotes starts a comment; quotes may open and close anywhere inside a word. Words that play a part in
 * conditions (`if`, `unless`, `or`, `||`, `{`, `}`) get their own token types, all in the `Word` category
 * so that they are still plain arguments where no condition is expected.
 */

const WORD_PIECE = `(?:[^ \\t\\v\\f\\r\\n#'"\\\\]|\\\\[^\\r\\n]?|'[^'\\r\\n]*'|"(?:[^"\\\\\\r\\n]|\\\\[^\\r\\n])*")`;
/** The same pieces with runs of plain characters taken at once: the regular expression loops once a run, not once a character. */
const WORD_PIECES = `(?:[^ \\t\\v\\f\\r\\n#'"\\\\]+|\\\\[^\\r\\n]?|'[^'\\r\\n]*'|"(?:[^"\\\\\\r\\n]|\\\\[^\\r\\n])*")+`;

/**
 * Every character a word may start with, for Chevrotain's first-character optimisation (it cannot derive them
 * from a pattern that starts with a negated set). Chevrotain puts characters above 255 in buckets (character
 * `c` in bucket `255 + floor(c / 255)`), so one character per bucket covers them all: 256, 511, 766... then 65535.
 */
const WORD_START_CHARS: number[] = (() => {
  const excluded = new Set([0x20, 0x09, 0x0b, 0x0c, 0x0d, 0x0a, 0x23]);
  const chars: number[] = [];
  for (let code = 0; code < 256; code++) if (!excluded.has(code)) chars.push(code);
  for (let code = 256; code < 65536; code += 255) chars.push(code);
  chars.push(65535);
  return chars;
})();

// Every token says whether it may span lines and which characters it starts with: Chevrotain would otherwise
// work both out by parsing each regular expression, which is most of what building a lexer costs at start-up.
const BLANK_CHARS = [' ', '\t', '\v', '\f'];

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, start_chars_hint: ['\r', '\n'] });
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\v\f]+/, group: 'blanks', line_breaks: false, start_chars_hint: BLANK_CHARS });
export const ByteOrderMark = createToken({ name: 'ByteOrderMark', pattern: /\uFEFF/, group: 'blanks', line_breaks: false, start_chars_hint: [0xfeff] });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments', line_breaks: false, start_chars_hint: ['#'] });
/**
 * Blanks and line breaks dropped as they are read, one match for all the space between two words: the parser
 * needs neither (it finds line breaks itself, in the space between the words of its tokens).
 */
export const SkippedSpace = createToken({ name: 'SkippedSpace', pattern: /[ \t\v\f\r\n]+/, group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: [...BLANK_CHARS, '\r', '\n'] });
export const SkippedByteOrderMark = createToken({ name: 'SkippedByteOrderMark', pattern: /\uFEFF/, group: Lexer.SKIPPED, line_breaks: false, start_chars_hint: [0xfeff] });
/**
 * A comment among the words rather than in a group of its own: the parser reads both in one pass, and Chevrotain's
 * optimised lexer loop is thrown away each time it meets a grouped token it has not seen while optimising.
 */
export const InlineComment = createToken({ name: 'InlineComment', pattern: /#[^\r\n]*/, line_breaks: false, start_chars_hint: ['#'] });

/** Any word: the category every argument position accepts. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });
/** Words that are not braces: what an anonymous ACL may contain. */
export const BraceFree = createToken({ name: 'BraceFree', pattern: Lexer.NA, categories: [Word] });

export const PlainWord = createToken({
  name: 'PlainWord',
  pattern: new RegExp(WORD_PIECES),
  categories: [BraceFree],
  line_breaks: false,
  start_chars_hint: WORD_START_CHARS,
});

/** A keyword-like word; a longer word that merely starts with it (`iffy`, `{x`) stays a PlainWord. */
function keywordToken(name: string, pattern: RegExp, startChars: string[], categories: TokenType[]): TokenType {
  return createToken({ name, pattern, categories, longer_alt: PlainWord, line_breaks: false, start_chars_hint: startChars });
}

export const DotDirective = keywordToken('DotDirective', /\.(?:if|elif|else|endif|diag|notice|warning|alert)/, ['.'], [BraceFree]);
export const If = keywordToken('If', /if/, ['i'], [BraceFree]);
export const Unless = keywordToken('Unless', /unless/, ['u'], [BraceFree]);
export const Or = keywordToken('Or', /[oO][rR]|\|\|/, ['o', 'O', '|'], [BraceFree]);
export const OpenBrace = keywordToken('OpenBrace', /!*\{/, ['!', '{'], [Word]);
export const CloseBrace = keywordToken('CloseBrace', /\}/, ['}'], [Word]);
/** A word whose quote never closes: HAProxy rejects the line; the token runs to the end of the line. */
export const UnterminatedWord = createToken({
  name: 'UnterminatedWord',
  pattern: new RegExp(`${WORD_PIECE}*['"][^\\r\\n]*`),
  categories: [BraceFree],
  line_breaks: false,
  start_chars_hint: WORD_START_CHARS,
});

export const allTokens: TokenType[] = [
  Newline,
  Blank,
  ByteOrderMark,
  Comment,
  DotDirective,
  If,
  Unless,
  Or,
  OpenBrace,
  CloseBrace,
  PlainWord,
  UnterminatedWord,
  Word,
  BraceFree,
];

/**
 * What parseConfig reads: words and comments, in one array. Blanks, line breaks and byte order marks are skipped,
 * and the lexer tracks offsets only.
 */
export const parserInputTokens: TokenType[] = [SkippedSpace, ...allTokens.filter((token) => token !== Newline && token !== Blank)].map((token) =>
  token === ByteOrderMark ? SkippedByteOrderMark : token === Comment ? InlineComment : token,
);
