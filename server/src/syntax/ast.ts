/**
 * The typed syntax tree of an haproxy.cfg file. Every node carries an exact range.
 * Lines and columns are 0-based (LSP style); columns count UTF-16 code units; offsets index the text.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** An environment variable reference inside a word: `$VAR`, `${VAR}`, `${VAR-default}`. */
export interface EnvVarRef {
  name: string;
  defaultValue?: string;
  range: Range;
}

/** One whitespace-separated word of a line, as HAProxy splits it. */
export interface Word {
  kind: 'word';
  /** The text exactly as written, quotes and escapes included. */
  raw: string;
  /** The text after quote removal and escape processing; environment variables stay as written. */
  value: string;
  range: Range;
  /** True when any part of the word was quoted. */
  quoted: boolean;
  envVars: readonly EnvVarRef[];
}

export interface Comment {
  kind: 'comment';
  text: string;
  range: Range;
}

/** A call in a sample expression: a fetch or a converter with its parenthesised arguments. */
export interface SampleCall {
  name: string;
  nameRange: Range;
  args: SampleArg[];
  /** Range of the whole call, name and arguments. */
  range: Range;
  /** True when the call had parentheses, even empty ones. */
  hasParens: boolean;
}

export interface SampleArg {
  value: string;
  range: Range;
}

/** A sample fetch followed by its converter chain: `req.hdr(host),lower,map(/etc/hosts.map,default)`. */
export interface SampleExpression {
  kind: 'sample';
  text: string;
  fetch: SampleCall;
  converters: SampleCall[];
  range: Range;
  /** Problems found while reading the expression (unbalanced parentheses, empty converter...). */
  errors: SyntaxProblem[];
}

/** A `%[...]` sample expression or a `%xx` / `%{flags}xx` variable inside a log-format string. */
export type LogFormatPart =
  | { kind: 'lf-sample'; expression: SampleExpression; range: Range }
  | { kind: 'lf-var'; name: string; flags?: string; range: Range };

/** A named ACL used in a condition, possibly negated with `!`. */
export interface AclRefTerm {
  kind: 'acl-ref';
  negated: boolean;
  name: string;
  word: Word;
  /** Range of the name, without the leading `!`. */
  nameRange: Range;
  range: Range;
}

/** An anonymous ACL written inline between braces: `{ path_beg /api }`. */
export interface AnonymousAclTerm {
  kind: 'anonymous-acl';
  negated: boolean;
  open: Word;
  close?: Word;
  /** The words between the braces: criterion, flags and patterns. */
  words: Word[];
  criterion?: AclCriterion;
  range: Range;
}

export type ConditionTerm = AclRefTerm | AnonymousAclTerm;

/** `if`/`unless` followed by terms; terms in a group are ANDed, groups are ORed. */
export interface Condition {
  kind: 'condition';
  polarity: 'if' | 'unless';
  keyword: Word;
  /** Disjunction of conjunctions. */
  groups: ConditionTerm[][];
  range: Range;
}

/** The part of an ACL after its name: `criterion [flags] [operator] [values]`. */
export interface AclCriterion {
  expression: SampleExpression;
  /** Flags such as `-i`, `-m beg`, `-f file`, with their argument word when they take one. */
  flags: { flag: Word; arg?: Word }[];
  /** Match method from `-m` or implied by an ACL derivative name (`path_beg` -> `beg`). */
  matchMethod?: string;
  operator?: Word;
  patterns: Word[];
}

/** One configuration line inside (or before) a section. */
export interface Directive {
  kind: 'directive';
  /** `no` or `default` written before the keyword (`no option httpclose`). */
  prefix?: Word;
  /** The first word after the optional prefix. */
  keyword: Word;
  /** Every word after the keyword, up to the condition. */
  args: Word[];
  condition?: Condition;
  comment?: Comment;
  range: Range;
  /** The innermost `.if` block containing the line, if any. */
  guard?: ConditionalBlock;
}

export type SectionType =
  | 'global'
  | 'defaults'
  | 'frontend'
  | 'backend'
  | 'listen'
  | 'userlist'
  | 'peers'
  | 'resolvers'
  | 'mailers'
  | 'program'
  | 'http-errors'
  | 'ring'
  | 'cache'
  | 'log-forward'
  | 'crt-store'
  | 'traces'
  | 'acme'
  | 'fcgi-app'
  | 'log-profile'
  | 'healthcheck'
  | 'dynamic-update';

/** A section: its header line and the directives below it until the next section. */
export interface Section {
  kind: 'section';
  type: SectionType;
  keyword: Word;
  name?: Word;
  /** `defaults NAME from OTHER` / `backend b from OTHER`. */
  from?: Word;
  /** All words of the header after the keyword (name, `from`, and for old `listen` an address). */
  headerArgs: Word[];
  directives: Directive[];
  comment?: Comment;
  headerRange: Range;
  /** From the header to the end of its last non-blank line. */
  range: Range;
  guard?: ConditionalBlock;
}

/** A `.if`/`.elif`/`.else` branch, or a whole block from `.if` to `.endif`. */
export interface ConditionalBlock {
  kind: 'conditional';
  /** The `.if` line and each `.elif`/`.else` line with its words. */
  branches: { keyword: Word; args: Word[]; range: Range }[];
  endif?: Word;
  parent?: ConditionalBlock;
  range: Range;
}

/** `.diag`, `.notice`, `.warning`, `.alert` lines: messages printed while HAProxy reads the file. */
export interface MessageDirective {
  kind: 'message';
  keyword: Word;
  args: Word[];
  range: Range;
}

export interface SyntaxProblem {
  message: string;
  range: Range;
}

export interface ConfigFile {
  kind: 'file';
  text: string;
  /** Lines before the first section header (HAProxy rejects keywords there). */
  orphans: Directive[];
  sections: Section[];
  conditionals: ConditionalBlock[];
  messages: MessageDirective[];
  comments: Comment[];
  /** Problems found by the lexer and parser; each becomes a `syntax` finding. */
  syntaxErrors: SyntaxProblem[];
  /** Number of lines in the text (a trailing newline does not start a new line). */
  lineCount: number;
  endsWithNewline: boolean;
}
