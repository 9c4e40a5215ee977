import type { Rule } from '../rule';

/** Reports what HAProxy cannot read: unmatched quotes and braces, bad escapes, unbalanced `.if` blocks. */
export const syntaxRule: Rule = {
  name: 'syntax',
  defaultSeverity: 'error',
  description: 'The line cannot be read as HAProxy configuration syntax.',
  check({ file, report }) {
    for (const problem of file.syntaxErrors) report({ message: problem.message, range: problem.range });
  },
};
