import { isDeprecatedIn } from '../../model/catalog';
import { sectionKeywordLines, keywordRange, wordAt } from '../keyword-lines';
import type { Rule } from '../rule';

/** A keyword or action the manual of the target version marks as deprecated. */
export const deprecatedKeywordRule: Rule = {
  name: 'deprecated-keyword',
  defaultSeverity: 'warning',
  description: 'A keyword the target HAProxy version marks as deprecated.',
  checkSection({ file, section, version, report }) {
    for (const line of sectionKeywordLines(file, section, version)) {
      const { resolved } = line;
      if (resolved.status !== 'ok' || !resolved.keyword) continue;
      if (isDeprecatedIn(resolved.keyword, version) && !resolved.keyword.deprecatedSyntax) {
        const since = resolved.keyword.deprecatedSince ? ` since HAProxy ${resolved.keyword.deprecatedSince}` : '';
        report({ message: `'${resolved.keyword.name}' is deprecated${since} and may be removed in a later version`, range: keywordRange(line) });
      }
      const action = resolved.action;
      if (action?.status === 'ok' && action.entry && isDeprecatedIn(action.entry, version)) {
        report({ message: `Action '${action.name}' is deprecated and may be removed in a later version`, range: wordAt(line, action.index).range });
      }
    }
  },
};
