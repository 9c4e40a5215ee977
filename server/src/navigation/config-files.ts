import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_DEPTH = 12;
const MAX_ENTRIES = 20000;

/**
 * Converts a glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) to a regular expression over `/`-separated paths.
 * `*` and `?` stay within one folder; `**` spans any number of folders, none included.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}${')'.repeat(braces)}$`);
}

/**
 * The files a list of globs names, as HAProxy would load them with one `-f` per glob: globs in the given
 * order, each glob's matches sorted by name, no file twice. Relative globs are read from `root`. A glob
 * naming a folder stands for the `.cfg` files in it, as `haproxy -f DIR` does.
 */
export function expandConfigGlobs(root: string, globs: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const glob of globs) {
    for (const path of expandGlob(root, glob.replace(/\\/g, '/'))) {
      if (!seen.has(path)) {
        seen.add(path);
        files.push(path);
      }
    }
  }
  return files;
}

function expandGlob(root: string, glob: string): string[] {
  const wildcard = glob.search(/[*?[{]/);
  if (wildcard < 0) {
    const path = isAbsolute(glob) ? glob : join(root, glob);
    const stats = statOrUndefined(path);
    if (stats?.isDirectory()) return sortedNames(path, (name) => name.endsWith('.cfg')).map((name) => join(path, name));
    return stats?.isFile() ? [path] : [];
  }
  const staticPart = glob.slice(0, glob.lastIndexOf('/', wildcard) + 1);
  const base = isAbsolute(glob) ? staticPart || '/' : join(root, staticPart);
  const pattern = globToRegExp(glob.slice(staticPart.length));
  const matches: string[] = [];
  walk(base, 0, { count: 0 }, (path) => {
    if (pattern.test(relative(base, path).split(sep).join('/'))) matches.push(path);
  });
  return matches.sort(byName);
}

function walk(folder: string, depth: number, budget: { count: number }, visit: (path: string) => void): void {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => byName(a.name, b.name))) {
    if (++budget.count > MAX_ENTRIES) return;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, depth + 1, budget, visit);
    } else if (entry.isFile()) {
      visit(path);
    }
  }
}

function sortedNames(folder: string, keep: (name: string) => boolean): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && keep(entry.name))
      .map((entry) => entry.name)
      .sort(byName);
  } catch {
    return [];
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Plain code-unit order, as HAProxy sorts the files of a folder. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
