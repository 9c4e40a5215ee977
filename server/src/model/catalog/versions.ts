/** Every HAProxy release the catalog knows, oldest first. */
export const HAPROXY_VERSIONS = ['2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '3.0', '3.1', '3.2', '3.3', '3.4'] as const;

export type HaproxyVersion = (typeof HAPROXY_VERSIONS)[number];

export const NEWEST_VERSION: HaproxyVersion = HAPROXY_VERSIONS[HAPROXY_VERSIONS.length - 1];
export const OLDEST_VERSION: HaproxyVersion = HAPROXY_VERSIONS[0];

/** True when `value` is one of the versions the catalog knows. */
export function isHaproxyVersion(value: string): value is HaproxyVersion {
  return (HAPROXY_VERSIONS as readonly string[]).includes(value);
}

/** Position of a version in {@link HAPROXY_VERSIONS}. */
export function versionIndex(version: HaproxyVersion): number {
  return HAPROXY_VERSIONS.indexOf(version);
}

/** Negative when a is older than b, zero when equal. */
export function compareHaproxyVersions(a: HaproxyVersion, b: HaproxyVersion): number {
  return versionIndex(a) - versionIndex(b);
}

/**
 * Maps any `X.Y` text to the closest known version: older releases to 2.4, newer ones to 3.4,
 * anything unreadable to the newest.
 */
export function clampVersion(text: string): HaproxyVersion {
  if (isHaproxyVersion(text)) return text;
  const match = /^(\d+)\.(\d+)/.exec(text.trim());
  if (!match) return NEWEST_VERSION;
  const wanted = Number(match[1]) * 100 + Number(match[2]);
  let best: HaproxyVersion = OLDEST_VERSION;
  for (const v of HAPROXY_VERSIONS) {
    const [major, minor] = v.split('.').map(Number);
    if (major * 100 + minor <= wanted) best = v;
  }
  return best;
}

/** Bit of a version in the catalog's version masks. */
export function versionBit(version: HaproxyVersion): number {
  return 1 << versionIndex(version);
}

/** The versions whose bits are set in `mask`, oldest first. */
export function versionsInMask(mask: number): HaproxyVersion[] {
  return HAPROXY_VERSIONS.filter((_, i) => (mask & (1 << i)) !== 0);
}
