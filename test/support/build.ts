import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus';

/** Builds the bundles once if a test needs them and they are missing (npm test builds them first anyway). */
export function ensureBuilt(relativeBundle: string): string {
  const path = join(repoRoot, relativeBundle);
  if (!existsSync(path)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  return path;
}
