import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IToken, type StateStack } from 'vscode-textmate';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const grammarPath = resolve(repoRoot, 'syntaxes/haproxy.tmLanguage.json');

let onigReady: Promise<void> | undefined;
let grammarPromise: Promise<IGrammar> | undefined;

function loadOniguruma(): Promise<void> {
  onigReady ??= (async () => {
    const wasm = readFileSync(resolve(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return onigReady;
}

/** Compiles one regex with the same engine VS Code uses; returns the error message or undefined. */
export async function regexError(source: string): Promise<string | undefined> {
  await loadOniguruma();
  try {
    new oniguruma.OnigScanner([source]).dispose();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The HAProxy grammar, loaded once through vscode-textmate with the oniguruma WASM engine. */
export function loadGrammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    await loadOniguruma();
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === 'source.haproxy' ? parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    const grammar = await registry.loadGrammar('source.haproxy');
    if (!grammar) throw new Error('grammar source.haproxy did not load');
    return grammar;
  })();
  return grammarPromise;
}

export interface TokenizedLine {
  text: string;
  tokens: IToken[];
  /** Rule stack depth after the line: 1 at top level, 2 inside a section. */
  depth: number;
  stoppedEarly: boolean;
}

/** Tokenizes a whole text line by line (CRLF tolerated), as the editor does. */
export function tokenizeText(grammar: IGrammar, text: string, timeLimitMs = 0): TokenizedLine[] {
  let stack: StateStack = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack, timeLimitMs);
    stack = result.ruleStack;
    return { text: line, tokens: result.tokens, depth: stackDepth(stack), stoppedEarly: result.stoppedEarly };
  });
}

function stackDepth(stack: StateStack): number {
  return (stack as unknown as { depth: number }).depth;
}

/** The scopes of the token covering a column (without the root scope). */
export function scopesAt(line: TokenizedLine, column: number): string[] {
  const token = line.tokens.find((t) => t.startIndex <= column && column < t.endIndex);
  return token ? token.scopes.slice(1) : [];
}

/** True when `scopes` holds `wanted` itself or a more specific scope below it (`a.b` matches `a.b.c`). */
export function hasScope(scopes: string[], wanted: string): boolean {
  return scopes.some((s) => s === wanted || s.startsWith(`${wanted}.`));
}
