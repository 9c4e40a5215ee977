import { lineOptions, resolveDirective, ruleSetActions, isHttpOnly, type RuleSet } from '../model/catalog';
import { CONDITIONAL_KEYWORDS } from '../syntax/section-keywords';
import { argumentOffer, optionsOffer } from './completion-arguments';
import { aclTailOffer, conditionOffer } from './completion-conditions';
import { at, cursorAt, memo, NONE, tcpOnly, type CompletionEnvironment, type CompletionResult, type Cursor, type Offer } from './completion-cursor';
import { actionItem } from './completion-items';
import { continuationOffer, lineStartOffer } from './completion-keywords';
import { namesOfKind } from './completion-names';
import { sampleOffer } from './completion-samples';
import type { LanguageDocument } from './line-structure';

export type { CompletionEnvironment, CompletionResult } from './completion-cursor';

/** Stands for the word being typed when locating options: a server's address is never an option. */
const DUMMY_ADDRESS = '127.0.0.1:1';

/** Completion on a directive line: decides what the word at the cursor is from the words before it. */
function directiveOffer(c: Cursor): Offer {
  const before = c.before;
  const prefix = before[0] === 'no' || before[0] === 'default' ? before[0] : undefined;
  const p = prefix ? 1 : 0;
  if (c.index === p) return lineStartOffer(c, prefix);
  if (!c.sectionType) return NONE;
  if (CONDITIONAL_KEYWORDS.has(before[p] ?? '')) {
    const conditionAt = c.roles.findIndex((role, i) => i > p && i < c.index && (role === 'if' || role === 'unless'));
    if (conditionAt > 0) return conditionOffer(c, conditionAt);
  }
  const continuation = continuationOffer(c, before.slice(p));
  const resolved = resolveDirective(c.sectionType, before, c.version);
  const keyword = resolved.keyword;
  if (!keyword || resolved.consumed > c.index || resolved.status === 'unknown') return continuation;
  const merge = (offer: Offer): Offer => (offer.startColumn !== undefined || continuation.items.length === 0 ? offer : { items: [...continuation.items, ...offer.items] });
  if (resolved.ruleSet) {
    const ruleSet = resolved.ruleSet as RuleSet;
    if (c.index === resolved.consumed) {
      const dropHttp = tcpOnly(c);
      const items = memo(`action|${ruleSet}|${c.version}|${dropHttp}`, () =>
        ruleSetActions(ruleSet, c.version)
          .filter((e) => !(dropHttp && isHttpOnly(e, c.version)))
          .map((e) => actionItem(e, { version: c.version, group: 'action', ruleSet })),
      );
      return merge({ items });
    }
    const action = resolved.action;
    if (!action?.entry) return NONE;
    return argumentOffer(c, action.entry, before.slice(action.index + 1), true);
  }
  if (keyword.name === 'acl' && keyword.kind === 'proxy') {
    if (c.index === p + 1) return NONE;
    if (c.index === p + 2) return sampleOffer(c, 0, true);
    return aclTailOffer(c, p + 2);
  }
  if (!prefix) {
    const options = lineOptions([...before, DUMMY_ADDRESS]);
    if (options && OPTION_LINES.has(keyword.name)) {
      return c.index >= options.start ? optionsOffer(c, options.kind, options.start) : NONE;
    }
  }
  return merge(argumentOffer(c, keyword, before.slice(resolved.consumed), CONDITIONAL_KEYWORDS.has(keyword.words[0]), prefix));
}

const OPTION_LINES = new Set(['bind', 'server', 'default-server', 'server-template', 'default-bind', 'dgram-bind']);

function headerOffer(c: Cursor): Offer {
  if (c.index === 0) return lineStartOffer(c);
  if (c.before[c.index - 1] === 'from') return { items: namesOfKind(c, 'defaults') };
  return NONE;
}

/**
 * Completion at a position, knowing where the cursor is: keywords at the start of a line (by section,
 * version and mode), the words of multi-word keywords, actions after rule keywords, bind and server
 * options and their values, fetches and converters in conditions, ACLs and `%[...]`, ACL names, flags and
 * match methods, enum values, backend and other names, and file paths. Undefined in comments.
 */
export function completeAt(doc: LanguageDocument, line: number, column: number, env: CompletionEnvironment = {}): CompletionResult | undefined {
  const c = cursorAt(doc, line, column, env);
  if (!c) return undefined;
  const offer = c.s.header ? headerOffer(c) : directiveOffer(c);
  const startColumn = offer.startColumn ?? c.start.column;
  const start = at(c, startColumn);
  return {
    items: offer.items,
    range: { start, end: c.cursor },
    replaceRange: { start, end: offer.startColumn !== undefined ? c.cursor : c.end },
  };
}
