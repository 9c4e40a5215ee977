import type { ConfigFile, Directive, Range, Section, Word } from '../syntax/ast';
import { subRange } from '../syntax/positions';
import { aclCriterionOf, valueWordsOf } from './directive-words';

/** What a referenced file holds; decides which global base directory applies to a relative path. */
export type FileReferenceKind = 'acl-patterns' | 'map' | 'error-page' | 'certificate' | 'ca' | 'lua' | 'other';

/** A file path written in the config: `-f FILE`, `map(FILE)`, `errorfile 503 FILE`, `crt FILE`... */
export interface FileReference {
  kind: FileReferenceKind;
  /** The path as HAProxy reads it (quotes removed). */
  path: string;
  range: Range;
  directive: Directive;
}

/** Global directives that give relative paths a base directory, by the kind of file they apply to. */
export interface PathBases {
  /** `crt-base DIR`: certificates and crt-lists. */
  certificate?: string;
  /** `ca-base DIR`: CA and CRL files. */
  ca?: string;
  /** `default-path origin DIR`: everything else. */
  origin?: string;
}

const CERTIFICATE_OPTIONS = new Set(['crt', 'crt-list']);
const CA_OPTIONS = new Set(['ca-file', 'crl-file', 'ca-verify-file', 'ca-sign-file']);
const RETURN_FILE_OPTIONS = new Set(['file', 'lf-file', 'errorfile']);
const RETURN_RULES = new Set(['http-request', 'http-response', 'http-after-response', 'http-error']);
const GLOBAL_FILES: Record<string, FileReferenceKind> = {
  'lua-load': 'lua',
  'lua-load-per-thread': 'lua',
  'ssl-dh-param-file': 'certificate',
  'h1-case-adjust-file': 'other',
};
/** `map(FILE)`, `map_str(FILE)`..., and the actions that edit a map or ACL file at run time. */
const FILE_CALL = /(?<![\w.-])(map(?:_\w+)?|set-map|del-map|add-acl|del-acl)\(([^,)]*)/g;

/** Collects the file paths one section names. */
export function collectSectionFileReferences(section: Section): FileReference[] {
  const references: FileReference[] = [];
  for (const directive of section.directives) collectDirectiveFiles(section, directive, references);
  return references;
}

/** Reads `crt-base`, `ca-base` and `default-path origin` from the global section. */
export function pathBases(file: ConfigFile): PathBases {
  const bases: PathBases = {};
  for (const section of file.sections) {
    if (section.type !== 'global') continue;
    for (const directive of section.directives) {
      const [first, second] = directive.args;
      if (directive.keyword.value === 'crt-base' && first) bases.certificate = first.value;
      if (directive.keyword.value === 'ca-base' && first) bases.ca = first.value;
      if (directive.keyword.value === 'default-path' && first?.value === 'origin' && second) bases.origin = second.value;
    }
  }
  return bases;
}

function collectDirectiveFiles(section: Section, directive: Directive, out: FileReference[]): void {
  const keyword = directive.keyword.value;
  const args = directive.args;
  const add = (kind: FileReferenceKind, word: Word | undefined) => {
    if (word && word.value) out.push({ kind, path: word.value, range: word.range, directive });
  };
  if (section.type === 'global' && GLOBAL_FILES[keyword]) add(GLOBAL_FILES[keyword], args[0]);
  if (keyword === 'errorfile') add('error-page', args[1]);
  if (keyword === 'acl' && args.length > 1) addAclFlagFiles(aclCriterionOf(directive)!.flags, directive, out);
  for (const group of directive.condition?.groups ?? []) {
    for (const term of group) {
      if (term.kind === 'anonymous-acl' && term.criterion) addAclFlagFiles(term.criterion.flags, directive, out);
    }
  }
  const isServerLine = keyword === 'bind' || keyword === 'server' || keyword === 'default-server' || keyword === 'default-bind';
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (isServerLine && CERTIFICATE_OPTIONS.has(value)) add('certificate', args[i + 1]);
    if (isServerLine && CA_OPTIONS.has(value)) add('ca', args[i + 1]);
    if (RETURN_RULES.has(keyword) && RETURN_FILE_OPTIONS.has(value)) add('error-page', args[i + 1]);
  }
  for (const word of valueWordsOf(directive)) if (word.raw.includes('(')) collectFileCalls(word, directive, out);
}

function addAclFlagFiles(flags: { flag: Word; arg?: Word }[], directive: Directive, out: FileReference[]): void {
  for (const { flag, arg } of flags) {
    if (flag.value === '-f' && arg?.value) out.push({ kind: 'acl-patterns', path: arg.value, range: arg.range, directive });
  }
}

function collectFileCalls(word: Word, directive: Directive, out: FileReference[]): void {
  for (const match of word.raw.matchAll(FILE_CALL)) {
    const raw = match[2];
    const path = raw.replace(/^(["'])(.*)\1$/, '$2');
    if (!path || path.includes('%[')) continue;
    const start = (match.index ?? 0) + match[1].length + 1;
    const kind: FileReferenceKind = match[1].endsWith('acl') ? 'acl-patterns' : 'map';
    out.push({ kind, path, range: subRange(word.range, start, start + raw.length), directive });
  }
}

