/** Where the documentation of each rule is published. */
export const RULE_DOCS_BASE = 'https://github.com/senex/haproxy-config-tools/blob/main/docs/rules/';

/** The documentation page of a rule. */
export function ruleDocsUrl(rule: string): string {
  return `${RULE_DOCS_BASE}${rule}.md`;
}
