/** HAProxy versions the tooling knows, oldest first. */
export const SUPPORTED_VERSIONS = ['2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '3.0', '3.1', '3.2', '3.3', '3.4'] as const;
export type HaproxyVersion = (typeof SUPPORTED_VERSIONS)[number];
export const DEFAULT_VERSION: HaproxyVersion = '3.4';

/** True when `value` names a supported version. */
export function isSupportedVersion(value: string): value is HaproxyVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(value);
}

/** Orders versions: negative when a < b. */
export function compareVersions(a: HaproxyVersion, b: HaproxyVersion): number {
  return SUPPORTED_VERSIONS.indexOf(a) - SUPPORTED_VERSIONS.indexOf(b);
}

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
