import type { Rule } from './rule';
import { syntaxRule } from './rules/syntax';
import { unknownKeywordRule } from './rules/unknown-keyword';
import { keywordNotAllowedRule } from './rules/keyword-not-allowed';
import { removedKeywordRule } from './rules/removed-keyword';
import { deprecatedKeywordRule } from './rules/deprecated-keyword';
import { newerKeywordRule } from './rules/newer-keyword';
import { invalidArgumentRule } from './rules/invalid-argument';
import { modeMismatchRule } from './rules/mode-mismatch';
import { duplicateNameRule } from './rules/duplicate-name';
import { healthCheckRule } from './rules/health-check';
import { hstsRule } from './rules/hsts';
import { httpsRedirectRule } from './rules/https-redirect';
import { misplacedRuleRule } from './rules/misplaced-rule';
import { missingTimeoutsRule } from './rules/missing-timeouts';
import { rateLimitRule } from './rules/rate-limit';
import { statsAuthRule } from './rules/stats-auth';
import { tlsMinVersionRule } from './rules/tls-min-version';
import { unknownReferenceRule } from './rules/unknown-reference';
import { unreachableRuleRule } from './rules/unreachable-rule';
import { weakCiphersRule } from './rules/weak-ciphers';
import { websocketStickyRule } from './rules/websocket-sticky';
import { websocketTimeoutRule } from './rules/websocket-timeout';

/** Every rule the linter runs, in reporting order. */
export const RULES: readonly Rule[] = [
  syntaxRule,
  unknownKeywordRule,
  keywordNotAllowedRule,
  removedKeywordRule,
  deprecatedKeywordRule,
  newerKeywordRule,
  invalidArgumentRule,
  modeMismatchRule,
  unknownReferenceRule,
  duplicateNameRule,
  missingTimeoutsRule,
  misplacedRuleRule,
  unreachableRuleRule,
  tlsMinVersionRule,
  weakCiphersRule,
  httpsRedirectRule,
  hstsRule,
  websocketStickyRule,
  websocketTimeoutRule,
  healthCheckRule,
  rateLimitRule,
  statsAuthRule,
];

const byName = new Map(RULES.map((rule) => [rule.name, rule]));

/** Finds a rule by its stable name. */
export function getRule(name: string): Rule | undefined {
  return byName.get(name);
}
