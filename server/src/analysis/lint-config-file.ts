import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Severity } from './finding';

export interface LintSettings {
  version?: string;
  rules?: Record<string, Severity | 'off'>;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Finds the `.haproxy-lint.json` nearest to a config file (its folder or any above) and reads it.
 * Returns an error message instead of throwing when the file is not valid.
 */
export function findLintSettings(configPath: string): { settings: LintSettings; path?: string; error?: string } {
  let dir = dirname(configPath);
  for (;;) {
    const candidate = join(dir, '.haproxy-lint.json');
    if (existsSync(candidate)) return readLintSettings(candidate);
    const parent = dirname(dir);
    if (parent === dir) return { settings: {} };
    dir = parent;
  }
}

function readLintSettings(path: string): { settings: LintSettings; path: string; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { settings: {}, path, error: `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof raw !== 'object' || raw === null) return { settings: {}, path, error: `${path}: expected a JSON object` };
  const { version, rules } = raw as Record<string, unknown>;
  const settings: LintSettings = {};
  if (typeof version === 'string') settings.version = version;
  if (rules && typeof rules === 'object') {
    settings.rules = {};
    for (const [name, value] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof value !== 'string' || !SEVERITIES.has(value)) {
        return { settings: {}, path, error: `${path}: rule "${name}" must be one of error, warning, info, hint, off` };
      }
      settings.rules[name] = value as Severity | 'off';
    }
  }
  return { settings, path };
}
