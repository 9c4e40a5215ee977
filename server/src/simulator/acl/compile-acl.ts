import type { CompileEnv } from '../compile-env';
import type { StreamContext } from '../context';
import { compileExpression, parseExpressionText, type CompiledExpression } from '../expression';
import { sampleToString } from '../sample';
import { ACL_DERIVATIVES } from './derivatives';
import { compilePatterns, MATCH_METHODS, type MatchMethod, type PatternSet } from './pattern-match';

/** The result of testing one ACL: whether it matched, and the values it looked at. */
export interface AclOutcome {
  matched: boolean;
  values: string[];
}

/** An ACL criterion compiled once: `fetch [flags] [operator] patterns`. */
export interface CompiledAcl {
  text: string;
  test(ctx: StreamContext): AclOutcome;
}

const INT_OPS = new Set(['eq', 'ge', 'gt', 'le', 'lt']);

function defaultMethod(expr: CompiledExpression): MatchMethod {
  switch (expr.type) {
    case 'int':
      return 'int';
    case 'bool':
      return 'bool';
    case 'ip':
      return 'ip';
    case 'meth':
      return 'meth';
    case 'bin':
      return 'bin';
    default:
      return 'str';
  }
}

/** Compiles the words of an ACL criterion (everything after the ACL name, or inside braces). */
export function compileAclWords(words: string[], env: CompileEnv): CompiledAcl {
  const text = words.join(' ');
  const [exprText = '', ...rest] = words;
  const parsed = parseExpressionText(exprText);
  const derived = parsed.fetch ? ACL_DERIVATIVES.get(parsed.fetch.name) : undefined;
  const expr = compileExpression(parsed, env, derived?.fetch);
  let method: MatchMethod | undefined = parsed.converters.length ? undefined : derived?.method;
  let ignoreCase = false;
  const patterns: string[] = [];
  let op: string | undefined;
  let i = 0;
  for (; i < rest.length; i++) {
    const w = rest[i];
    if (w === '--') {
      i++;
      break;
    }
    if (!w.startsWith('-') || /^-\d/.test(w)) break;
    if (w === '-i') ignoreCase = true;
    else if (w === '-n' || w === '-u') continue;
    else if (w === '-m') {
      const m = rest[++i] ?? '';
      if (MATCH_METHODS.has(m)) method = m as MatchMethod;
      else env.problems.push({ line: env.line, message: `unknown match method '${m}'` });
    } else if (w === '-f' || w === '-M') {
      const file = rest[++i] ?? '';
      const list = w === '-M' ? env.files.mapEntries(file)?.map(([k]) => k) : env.files.patterns(file);
      if (!list) {
        env.problems.push({ line: env.line, message: `pattern file '${env.files.resolve(file)}' could not be read` });
        env.unsupported.add(`pattern file ${file} (not readable)`);
      } else patterns.push(...list);
    } else break;
  }
  if (i < rest.length && INT_OPS.has(rest[i])) op = rest[i++];
  patterns.push(...rest.slice(i));
  const finalMethod: MatchMethod = method ?? defaultMethod(expr);
  const set: PatternSet = compilePatterns(finalMethod, patterns, ignoreCase, op);
  for (const e of set.errors) env.problems.push({ line: env.line, message: e });

  return {
    text,
    test(ctx) {
      const samples = expr.all(ctx);
      const values = samples.map(sampleToString);
      if (finalMethod === 'found') return { matched: samples.length > 0, values };
      if (finalMethod === 'bool' && !patterns.length) return { matched: samples.some((s) => set.match(s) >= 0), values };
      for (const s of samples) if (set.match(s) >= 0) return { matched: true, values };
      return { matched: false, values };
    },
  };
}
