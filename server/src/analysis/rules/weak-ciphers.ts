import type { Word } from '../../syntax/ast';
import { weakFamilies, MODERN_CIPHERS } from '../cipher-list';
import { replaceWord } from '../edits';
import type { Rule, RuleContext } from '../rule';

const PROFILE = /PROFILE=/;

function checkList(context: RuleContext, word: Word | undefined, where: string): void {
  if (!word || word.value.includes('$') || PROFILE.test(word.value)) return;
  const weak = weakFamilies(word.value);
  if (weak.length === 0) return;
  context.report({
    message: `The cipher list of ${where} allows ${weak.join(', ')} suites, which are broken or offer no protection.`,
    range: word.range,
    fixes: [{ title: 'Use a modern forward-secret cipher list', edits: [replaceWord(word, MODERN_CIPHERS)], preferred: true }],
  });
}

/** Reports cipher lists (bind, server, global defaults) that let RC4, 3DES, DES, MD5, NULL, EXPORT or anonymous suites through. */
export const weakCiphersRule: Rule = {
  name: 'weak-ciphers',
  defaultSeverity: 'warning',
  description: 'A cipher list allows RC4, 3DES, DES, MD5, NULL, EXPORT or anonymous suites.',
  checkSection(context) {
    const section = context.section;
    const directives = section.directives;
    for (let i = 0; i < directives.length; i++) {
      const directive = directives[i];
      const keyword = directive.keyword.value;
      if (section.type === 'global' && (keyword === 'ssl-default-bind-ciphers' || keyword === 'ssl-default-server-ciphers')) {
        checkList(context, directive.args[0], keyword);
      } else if (keyword === 'bind' || keyword === 'server' || keyword === 'default-server' || keyword === 'server-template') {
        const args = directive.args;
        let at = 0;
        while (at < args.length && args[at].value !== 'ciphers') at++;
        if (at < args.length) checkList(context, args[at + 1], `this ${keyword} line`);
      }
    }
  },
};
