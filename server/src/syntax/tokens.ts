import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of haproxy.cfg. HAProxy splits each line into words on unquoted, unescaped blanks; a `#` outside
 * quotes starts a comment; quotes may open and close anywhere inside a word. Words that play a part in
 * conditions (`if`, `unless`, `or`, `||`, `{`, `}`) get their own token types, all in the `Word` category
 * so that they are still plain arguments where no condition is expected.
 */

const WORD_PIECE = `(?:[^ \\t\\v\\f\\r\\n#'"\\\\]|\\\\[^\\r\\n]?|'[^'\\r\\n]*'|"(?:[^"\\\\\\r\\n]|\\\\[^\\r\\n])*")`;

/**
 * Every character a word may start with, for Chevrotain's first-character optimisation (it cannot derive them
 * from a pattern that starts with a negated set). Above 255 Chevrotain groups characters in buckets of 255, so
 * one character per bucket covers them all.
 */
const WORD_START_CHARS: number[] = (() => {
  const excluded = new Set([0x20, 0x09, 0x0b, 0x0c, 0x0d, 0x0a, 0x23]);
  const chars: number[] = [];
  for (let code = 0; code < 256; code++) if (!excluded.has(code)) chars.push(code);
  for (let code = 255 * 2; code < 65536; code += 255) chars.push(code);
  chars.push(65535);
  return chars;
})();

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\v\f]+/, group: 'blanks' });
export const ByteOrderMark = createToken({ name: 'ByteOrderMark', pattern: /\uFEFF/, group: 'blanks' });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
/** Blanks and byte order marks dropped as they are read: the parser needs neither, and skipping them is faster. */
export const SkippedBlank = createToken({ name: 'SkippedBlank', pattern: /[ \t\v\f]+/, group: Lexer.SKIPPED });
export const SkippedByteOrderMark = createToken({ name: 'SkippedByteOrderMark', pattern: /\uFEFF/, group: Lexer.SKIPPED });

/** Any word: the category every argument position accepts. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });
/** Words that are not braces: what an anonymous ACL may contain. */
export const BraceFree = createToken({ name: 'BraceFree', pattern: Lexer.NA, categories: [Word] });

export const PlainWord = createToken({
  name: 'PlainWord',
  pattern: new RegExp(`${WORD_PIECE}+`),
  categories: [BraceFree],
  start_chars_hint: WORD_START_CHARS,
});

/** A keyword-like word; a longer word that merely starts with it (`iffy`, `{x`) stays a PlainWord. */
function keywordToken(name: string, pattern: RegExp, categories: TokenType[]): TokenType {
  return createToken({ name, pattern, categories, longer_alt: PlainWord });
}

export const DotDirective = keywordToken('DotDirective', /\.(?:if|elif|else|endif|diag|notice|warning|alert)/, [BraceFree]);
export const If = keywordToken('If', /if/, [BraceFree]);
export const Unless = keywordToken('Unless', /unless/, [BraceFree]);
export const Or = keywordToken('Or', /[oO][rR]|\|\|/, [BraceFree]);
export const OpenBrace = keywordToken('OpenBrace', /!*\{/, [Word]);
export const CloseBrace = keywordToken('CloseBrace', /\}/, [Word]);
/** A word whose quote never closes: HAProxy rejects the line; the token runs to the end of the line. */
export const UnterminatedWord = createToken({
  name: 'UnterminatedWord',
  pattern: new RegExp(`${WORD_PIECE}*['"][^\\r\\n]*`),
  categories: [BraceFree],
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

/** The same tokens with blanks and byte order marks skipped: what parseConfig reads. */
export const parserInputTokens: TokenType[] = allTokens.map((token) => (token === Blank ? SkippedBlank : token === ByteOrderMark ? SkippedByteOrderMark : token));
