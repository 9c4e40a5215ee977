import { getKeyword } from '../model/catalog';
import type { CompletionRef } from './completion-items';
import { keywordMarkdown } from './keyword-docs';
import type { LanguageDocument } from './line-structure';
import { proxyMarkdown } from './symbol-docs';

/**
 * The Markdown documentation of a completion item, computed when the editor shows that item (completion
 * lists hold hundreds of fetches; documenting them all up front would cost more than the list itself).
 */
export function documentationFor(doc: LanguageDocument, ref: CompletionRef): string | undefined {
  if (ref.kind === 'backend') {
    const proxy = doc.model.findBackend(ref.name);
    return proxy ? proxyMarkdown(proxy) : undefined;
  }
  const entry = getKeyword(ref.keywordKind, ref.name);
  return entry ? keywordMarkdown(entry, doc.haproxyVersion, { noTitle: true, ...(ref.ruleSet ? { ruleSet: ref.ruleSet } : {}) }) : undefined;
}
