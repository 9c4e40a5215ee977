import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Sizes of the shipped JavaScript bundles under `dist/` (source maps left out), and of a packaged .vsix if present. */
export function bundleSizes(root: string): BundleSize[] {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return [];
  const sizes: BundleSize[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.js') || entry.endsWith('.vsix')) {
        const content = readFileSync(path);
        sizes.push({ file: relative(root, path), bytes: content.length, gzipBytes: entry.endsWith('.js') ? gzipSync(content).length : content.length });
      }
    }
  };
  walk(dist);
  return sizes;
}
