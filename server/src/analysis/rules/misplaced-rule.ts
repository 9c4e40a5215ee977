import type { Proxy } from '../../model/config-model';
import type { Directive } from '../../syntax/ast';
import { insertBeforeDirective } from '../edits';
import type { Fix } from '../finding';
import type { Rule, RuleContext } from '../rule';
import { requestStage, STAGES } from '../rule-order';

/** The last stage whose rules HAProxy warns about when written after later stages (use_backend itself is never warned about). */
const LAST_CHECKED_LEVEL = 5;

function moveUpFix(context: RuleContext, directive: Directive, before: Directive): Fix {
  const { file } = context;
  const text = file.text.slice(directive.range.start.offset, (directive.comment?.range ?? directive.range).end.offset);
  const lineStart = directive.range.start.offset - directive.range.start.column;
  const nextLine = file.text.slice(lineStart).search(/\r\n|\r|\n/);
  const removeEnd = nextLine < 0 ? file.text.length : lineStart + nextLine + (file.text.startsWith('\r\n', lineStart + nextLine) ? 2 : 1);
  const endLine = nextLine < 0 ? directive.range.start.line : directive.range.start.line + 1;
  return {
    title: `Move this rule above line ${before.range.start.line + 1}, where HAProxy runs it`,
    edits: [
      insertBeforeDirective(file, before, [text]),
      {
        range: { start: { line: directive.range.start.line, column: 0, offset: lineStart }, end: { line: endLine, column: nextLine < 0 ? removeEnd - lineStart : 0, offset: removeEnd } },
        newText: '',
      },
    ],
    preferred: true,
  };
}

/** True when every ACL the rule uses is defined above `target`, so the rule can move there. */
function aclsDefinedAbove(proxy: Proxy, directive: Directive, target: Directive): boolean {
  return (directive.condition?.groups ?? []).every((group) =>
    group.every((term) => term.kind !== 'acl-ref' || (proxy.acls.get(term.name)?.[0].directive.range.start.line ?? -1) < target.range.start.line),
  );
}

/**
 * Reports request rules written after rules that HAProxy always evaluates later (an `http-request` below a
 * `use_backend`...): HAProxy 2.6 prints "a 'X' rule placed after a 'Y' rule will still be processed before".
 * Like HAProxy, it names the earliest such stage found above the line.
 */
export const misplacedRuleRule: Rule = {
  name: 'misplaced-rule',
  defaultSeverity: 'warning',
  description: 'A rule is written after a rule that HAProxy evaluates later, so the file order is misleading.',
  quotesLineNumbers: true,
  checkSection(context) {
    const proxy = context.proxy;
    if (!proxy) return;
    // The first line of each stage seen so far, by level.
    let firstAt: (Directive | undefined)[] | undefined;
    const directives = proxy.directives;
    for (let i = 0; i < directives.length; i++) {
      const directive = directives[i];
      const stage = requestStage(directive);
      if (!stage) continue;
      firstAt ??= new Array<Directive | undefined>(STAGES.length);
      if (stage.level <= LAST_CHECKED_LEVEL) {
        let later = -1;
        let earliest: Directive | undefined;
        for (let level = stage.level + 1; level < STAGES.length; level++) {
          const seen = firstAt[level];
          if (!seen) continue;
          if (later < 0) later = level;
          if (!earliest || seen.range.start.offset < earliest.range.start.offset) earliest = seen;
        }
        if (later >= 0 && earliest) {
          context.report({
            message: `This '${stage.label}' rule comes after a '${STAGES[later].label}' rule (line ${firstAt[later]!.range.start.line + 1}), but HAProxy always evaluates it before; move it up so the file reads in processing order.`,
            range: directive.keyword.range,
            fixes: () => (aclsDefinedAbove(proxy, directive, earliest) ? [moveUpFix(context, directive, earliest)] : []),
          });
        }
      }
      firstAt[stage.level] ??= directive;
    }
  },
};
