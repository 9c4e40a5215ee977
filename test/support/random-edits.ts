import fc from 'fast-check';

/** An edit of a text: at a fraction of its length, remove some characters and insert others. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Pieces users type or delete: line breaks, section headers, directives, quotes, comments, conditions. */
const PIECES = ['\n', '\r\n', ' ', '    ', 'x', '#', '"', "'", '\\', '{', '}', 'if', ' if { path /a }', 'backend b\n', 'frontend\n', 'defaults', 'global\n',
  '    acl a path_beg /api\n', '    server s1 10.0.0.1:80 check\n', 'use_backend b if a\n', 'listen l\n  bind :80\n', '.if defined(X)\n', '\0', '$VAR', '%[src]',
  '    mode tcp\n', '    timeout server 1s\n', 'defaults d\n  mode http\n', '    http-request deny\n', '# haproxy-lint-disable-next-line\n'];

/** Random edits, biased towards what typing does (short insertions and deletions). */
export const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 80 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(''))),
});

/** The text after an edit. */
export function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}
