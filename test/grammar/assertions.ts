import { hasScope, scopesAt, type TokenizedLine } from './textmate';

/**
 * Scope assertions written as comment lines under the line they check (vscode-tmgrammar-test style):
 *
 *     acl is_api path_beg /api/
 *   # ^^^ keyword.other.proxy.haproxy
 *   #     ^^^^^^ entity.name.function.acl.haproxy - variable.other.acl
 *   # <--- used for column 0: `<` then one `-` per column, starting at column 0
 *
 * Every column marked must carry every scope listed before ` - ` and none listed after it.
 * Assertion lines are comments for HAProxy and the grammar, so the fixture stays a valid config.
 */
export interface ScopeAssertion {
  /** 0-based line of the fixture this assertion was written on. */
  assertionLine: number;
  /** 0-based line it checks. */
  sourceLine: number;
  columns: number[];
  required: string[];
  excluded: string[];
}

const ASSERTION = /^(\s*#\s*)(\^+|<-+)\s+(.*)$/;

export function isAssertionLine(line: string): boolean {
  return ASSERTION.test(line);
}

export function parseAssertions(text: string): ScopeAssertion[] {
  const lines = text.split(/\r?\n/);
  const out: ScopeAssertion[] = [];
  let source = -1;
  lines.forEach((line, index) => {
    const match = ASSERTION.exec(line);
    if (!match) {
      source = index;
      return;
    }
    const [, lead, marks, rest] = match;
    if (source < 0) throw new Error(`line ${index + 1}: assertion before any source line`);
    const start = marks.startsWith('<') ? 0 : lead.length;
    const width = marks.startsWith('<') ? marks.length - 1 : marks.length;
    const [, requiredText = '', excludedText = ''] = /^(.*?)(?:(?:^|\s+)-\s+(.*))?$/.exec(rest) ?? [];
    out.push({
      assertionLine: index,
      sourceLine: source,
      columns: Array.from({ length: width }, (_, i) => start + i),
      required: requiredText.split(/\s+/).filter(Boolean),
      excluded: excludedText.split(/\s+/).filter(Boolean),
    });
  });
  return out;
}

/** Checks one assertion against tokenized lines; returns a readable failure or undefined. */
export function checkAssertion(lines: TokenizedLine[], assertion: ScopeAssertion): string | undefined {
  const line = lines[assertion.sourceLine];
  for (const column of assertion.columns) {
    const scopes = scopesAt(line, column);
    const missing = assertion.required.filter((s) => !hasScope(scopes, s));
    const present = assertion.excluded.filter((s) => hasScope(scopes, s));
    if (missing.length > 0 || present.length > 0) {
      const problem = missing.length > 0 ? `missing ${missing.join(', ')}` : `unexpected ${present.join(', ')}`;
      return (
        `line ${assertion.sourceLine + 1} column ${column + 1} ` +
        `(${JSON.stringify(line.text.slice(column, column + 12))}...): ${problem}; has [${scopes.join(' | ')}]`
      );
    }
  }
  return undefined;
}
