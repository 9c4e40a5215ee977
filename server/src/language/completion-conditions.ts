import { isKnownIn, keywordsOfKind } from '../model/catalog';
import { aclWordRoles } from './acl-words';
import { catalogItem, plainItem } from './completion-items';
import { NONE, type Cursor, type Offer } from './completion-cursor';
import { aclNameItems } from './completion-names';
import { fileOffer, sampleOffer } from './completion-samples';

/** After an ACL criterion: flags and operators, match methods after `-m`, files after `-f`/`-M`. */
export function aclTailOffer(c: Cursor, criterion: number): Offer {
  const previous = c.before[c.index - 1];
  if (previous === '-m') {
    return { items: keywordsOfKind('acl-match-method').filter((e) => isKnownIn(e, c.version)).map((e) => catalogItem(e, 'match-method', e.name, { version: c.version, group: 'match' })) };
  }
  if (previous === '-f' || previous === '-M') return fileOffer(c, 0);
  if (previous === '-u') return NONE;
  const roles = aclWordRoles(c.before, criterion + 1, c.index);
  if (!roles.every((r) => r === 'flag' || r === 'flag-arg')) return NONE;
  const flags = keywordsOfKind('acl-flag').filter((e) => isKnownIn(e, c.version)).map((e) => catalogItem(e, 'flag', e.name, { version: c.version, group: 'flag' }));
  const operators = keywordsOfKind('acl-operator')
    .filter((e) => isKnownIn(e, c.version))
    .map((e) => catalogItem(e, 'operator', e.name, { version: c.version, group: 'operator', demoted: true }));
  return { items: [...flags, ...operators] };
}

/** After `if`/`unless`: ACL names (also after `!`), `or`, an anonymous ACL, or inside braces its criterion and flags. */
export function conditionOffer(c: Cursor, conditionAt: number): Offer {
  let lastOpen = -1;
  let lastClose = -1;
  for (let i = conditionAt + 1; i < c.index; i++) {
    if (c.roles[i] === 'open') lastOpen = i;
    if (c.roles[i] === 'close') lastClose = i;
  }
  if (lastOpen > lastClose) {
    if (c.index === lastOpen + 1) return sampleOffer(c, 0, true);
    return aclTailOffer(c, lastOpen + 1);
  }
  if (/^!*\{/.test(c.partial)) return NONE;
  const bangs = /^!*/.exec(c.partial)![0].length;
  const items = aclNameItems(c);
  const previousRole = c.roles[c.index - 1];
  if (bangs === 0) {
    items.push(plainItem('{ }', 'keyword', '3{', { detail: 'anonymous ACL', insertText: '{ ${1:criterion} ${2:value} }', snippet: true }));
    if (previousRole === 'word' || previousRole === 'close') items.push(plainItem('or', 'keyword', '3or', { detail: 'either side may match', insertText: 'or ' }));
  }
  return { items, startColumn: c.start.column + bangs };
}
