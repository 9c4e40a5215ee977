import type { Condition } from '../../syntax/ast';
import type { CompileEnv } from '../compile-env';
import type { StreamContext } from '../context';
import { compileAclWords, type CompiledAcl } from './compile-acl';
import { PREDEFINED_ACLS } from './derivatives';

/** The answer of a condition, with a readable account of each ACL tested. */
export interface ConditionOutcome {
  matched: boolean;
  detail: string;
}

export type CompiledCondition = (ctx: StreamContext) => ConditionOutcome;

/** Named ACLs of a proxy: several lines with one name are ORed. */
export type AclTable = Map<string, CompiledAcl[]>;

interface Term {
  label: string;
  negated: boolean;
  acls: CompiledAcl[];
}

function quote(v: string): string {
  return `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;
}

function show(values: string[]): string {
  switch (values.length) {
    case 0:
      return 'no value';
    case 1:
      return quote(values[0]);
    default: {
      const shown = values.slice(0, 3).map(quote).join(', ');
      return values.length > 3 ? `${shown}, ...` : shown;
    }
  }
}

/** Compiles `if`/`unless` conditions; unknown ACL names never match and are reported. */
export function compileCondition(cond: Condition | undefined, acls: AclTable, env: CompileEnv): CompiledCondition | undefined {
  if (!cond) return undefined;
  const groups: Term[][] = cond.groups.map((group) =>
    group.map((term): Term => {
      if (term.kind === 'acl-ref') {
        let list = acls.get(term.name);
        if (!list) {
          const predefined = PREDEFINED_ACLS.get(term.name);
          if (predefined) {
            list = [compileAclWords(predefined, env)];
            acls.set(term.name, list);
          } else {
            env.problems.push({ line: env.line, message: `unknown ACL '${term.name}'` });
            list = [];
          }
        }
        return { label: term.name, negated: term.negated, acls: list };
      }
      const words = term.words.map((w) => w.value);
      return { label: `{ ${words.join(' ')} }`, negated: term.negated, acls: [compileAclWords(words, env)] };
    }),
  );
  const unless = cond.polarity === 'unless';
  return (ctx) => {
    const notes: string[] = [];
    let any = false;
    for (const group of groups) {
      let all = true;
      for (const term of group) {
        let hit = false;
        const seen: string[] = [];
        for (const acl of term.acls) {
          const out = acl.test(ctx);
          seen.push(...out.values);
          if (out.matched) {
            hit = true;
            break;
          }
        }
        const value = term.negated ? !hit : hit;
        notes.push(`${term.negated ? '!' : ''}${term.label}=${value ? 'true' : 'false'} (${show(seen)})`);
        if (!value) {
          all = false;
          break;
        }
      }
      if (all) {
        any = true;
        break;
      }
    }
    const matched = unless ? !any : any;
    return { matched, detail: `${cond.polarity} ${notes.join(' ')}` };
  };
}
