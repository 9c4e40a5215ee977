import { HAPROXY_VERSIONS, NEWEST_VERSION, compareHaproxyVersions, isHaproxyVersion, type HaproxyVersion } from '../model/catalog/versions';

export type { HaproxyVersion };
/** HAProxy versions the tooling knows, oldest first (the catalog's list). */
export const SUPPORTED_VERSIONS = HAPROXY_VERSIONS;
export const DEFAULT_VERSION: HaproxyVersion = NEWEST_VERSION;
export const isSupportedVersion = isHaproxyVersion;
export const compareVersions = compareHaproxyVersions;

const VERSION_COMMENT = /^\s*#\s*haproxy-version\s*:\s*(\d+\.\d+)\b/;

/**
 * The version a file targets: a `# haproxy-version: X.Y` comment among the first lines wins over the
 * configured version, which wins over the default.
 */
export function targetVersion(text: string, configured?: string): HaproxyVersion {
  const head = text.slice(0, 2000).split(/\r\n|\r|\n/, 20);
  for (const line of head) {
    const match = VERSION_COMMENT.exec(line);
    if (match && isSupportedVersion(match[1])) return match[1];
    if (line.trim() && !line.trim().startsWith('#')) break;
  }
  return configured && isSupportedVersion(configured) ? configured : DEFAULT_VERSION;
}
