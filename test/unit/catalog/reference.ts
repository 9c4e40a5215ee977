import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConditionalBlock, Directive } from '../../../server/src/syntax/ast';

/** Repository root, found from this file's location. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Read-only team reference material; a user's clone has none, so tests using it skip. */
export const sharedDir = resolve(repoRoot, '../shared');
export const referenceDir = join(sharedDir, 'haproxy-reference');
export const corpusDir = join(sharedDir, 'corpus');
export const hasReference = existsSync(join(referenceDir, 'keywords.json'));
export const hasBinaryDump = existsSync(join(referenceDir, 'haproxy-2.6.12-dKall.txt'));
export const hasCorpus = existsSync(join(corpusDir, 'oracle-haproxy-2.6.tsv'));
export const SKIP_REFERENCE = `skipped: ${referenceDir} not found (the shared reference lives next to team checkouts only)`;
export const SKIP_CORPUS = `skipped: ${corpusDir} not found (the shared corpus lives next to team checkouts only)`;

export interface ReferenceVariant {
  versions: string[];
  anchor: string;
  syntax: string[];
  sections?: string[];
  ruleSets?: string[];
}

export interface ReferenceKeyword {
  kind: string;
  name: string;
  versions: string[];
  variants: ReferenceVariant[];
}

export function referenceKeywords(): ReferenceKeyword[] {
  return JSON.parse(readFileSync(join(referenceDir, 'keywords.json'), 'utf8')) as ReferenceKeyword[];
}

export function binaryDump(): string {
  return readFileSync(join(referenceDir, 'haproxy-2.6.12-dKall.txt'), 'utf8');
}

/** Corpus configs HAProxy 2.6 accepted: `valid`, or `env` that passed once the environment was repaired. */
export function acceptedCorpusFiles(): string[] {
  return readFileSync(join(corpusDir, 'oracle-haproxy-2.6.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[3] === 'valid' || (cols[3] === 'env' && cols[5] === '0'))
    .map((cols) => join(corpusDir, cols[0]));
}

/** The words of a directive as HAProxy sees them (prefix, keyword, arguments; no condition). */
export function directiveWords(directive: Directive): string[] {
  return [...(directive.prefix ? [directive.prefix.value] : []), directive.keyword.value, ...directive.args.map((a) => a.value)];
}

function versionNumber(text: string): number {
  const m = /^(\d+)\.(\d+)/.exec(text);
  return m ? Number(m[1]) * 100 + Number(m[2]) : NaN;
}

/**
 * False when the line sits in a `.if version_atleast(X)` / `.if version_before(X)` branch that the
 * given release skips (HAProxy never parses such lines). Other conditions count as taken.
 */
export function parsedBy(version: string, line: number, guard: ConditionalBlock | undefined): boolean {
  for (let block = guard; block; block = block.parent) {
    const branch = [...block.branches].reverse().find((b) => b.range.start.line <= line);
    if (!branch) continue;
    const condition = branch.args.map((a) => a.value).join(' ');
    const m = /^(!?)\s*version_(atleast|before)\(([^)]+)\)$/.exec(condition);
    if (branch.keyword.value !== '.if' || !m) continue;
    const atLeast = versionNumber(version) >= versionNumber(m[3]);
    const holds = m[2] === 'atleast' ? atLeast : !atLeast;
    if (holds === (m[1] === '!')) return false;
  }
  return true;
}
