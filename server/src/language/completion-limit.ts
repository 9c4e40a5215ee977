import type { CompletionEntry } from './completion-items';

/**
 * Most items a completion list holds; a longer list (thousands of backends) is cut to the best ones. An editor
 * shows about a dozen at once and asks again as the word grows, so a hundred is plenty, and each item less is
 * less to encode, send and decode on every keystroke.
 */
export const MAX_COMPLETION_ITEMS = 100;

/** True when the letters of `typed` appear in `label` in order, ignoring case: the least any editor asks to show an item. */
function fuzzyMatches(label: string, typed: string): boolean {
  let at = 0;
  for (const char of typed) {
    at = label.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * The items worth sending for what has been typed so far. A list within `limit` goes whole (the editor
 * filters it as the user types). A longer one keeps the items whose label holds the typed letters in order,
 * those starting with them first, each group in its own order, up to `limit`; `incomplete` then tells
 * the editor to ask again as the word grows.
 */
export function limitCompletions(items: readonly CompletionEntry[], typed: string, limit = MAX_COMPLETION_ITEMS): { items: readonly CompletionEntry[]; incomplete: boolean } {
  if (items.length <= limit) return { items, incomplete: false };
  const lower = typed.toLowerCase();
  const starting: CompletionEntry[] = [];
  const containing: CompletionEntry[] = [];
  const sorted = inSortOrder(items);
  const labels = lowerCaseLabels(sorted);
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i];
    const label = labels[i];
    if (label.startsWith(lower)) starting.push(item);
    else if (containing.length < limit && fuzzyMatches(label, lower)) containing.push(item);
    if (starting.length >= limit) break;
  }
  return { items: [...starting, ...containing].slice(0, limit), incomplete: true };
}

const lowered = new WeakMap<readonly CompletionEntry[], readonly string[]>();

/** The labels of a list in lower case, kept with the list (long lists are the cached names of a model). */
function lowerCaseLabels(items: readonly CompletionEntry[]): readonly string[] {
  let labels = lowered.get(items);
  if (!labels) lowered.set(items, (labels = items.map((item) => item.label.toLowerCase())));
  return labels;
}

/** The items by sort text; lists of names usually come that way already, and are then not copied. */
function inSortOrder(items: readonly CompletionEntry[]): readonly CompletionEntry[] {
  let sorted = bySortText.get(items);
  if (!sorted) bySortText.set(items, (sorted = sortedCopyIfNeeded(items)));
  return sorted;
}

const bySortText = new WeakMap<readonly CompletionEntry[], readonly CompletionEntry[]>();

function sortedCopyIfNeeded(items: readonly CompletionEntry[]): readonly CompletionEntry[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1].sortText > items[i].sortText) return [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  }
  return items;
}
