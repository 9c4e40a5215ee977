/** Effective weights are user weights scaled by this factor, as HAProxy does for dynamic algorithms. */
export const BE_WEIGHT_SCALE = 16;
export const SRV_UWGHT_RANGE = 256;
export const SRV_EWGHT_MAX = SRV_UWGHT_RANGE * BE_WEIGHT_SCALE;
export const SRV_EWGHT_RANGE = SRV_UWGHT_RANGE * BE_WEIGHT_SCALE;

/** The part of a server the load-balancing algorithms see. */
export interface LbServer {
  name: string;
  /** Numeric id (`id` keyword or position from 1). */
  puid: number;
  /** Declaration order from 0. */
  index: number;
  /** Configured weight (`weight`, default 1). */
  uweight: number;
  backup: boolean;
  maxconn: number;
  /** Streams currently served; requests in the simulator finish at once, so it is usually 0. */
  served: number;
  /** Running and not in maintenance. */
  running: boolean;
  /** Draining: weight forced to 0, still reachable through persistence. */
  draining: boolean;
}

/** A server takes new load-balanced traffic when running with a non-zero weight. */
export function isUsable(s: LbServer): boolean {
  return s.running && !s.draining && s.uweight > 0;
}

/** What every algorithm answers for a pick. */
export interface LbPick {
  server: LbServer | null;
  /** Short human text: the turn of roundrobin, the hash value... */
  detail: string;
}

/** The state shared by algorithms: which group (active or backup) serves. */
export interface GroupCounts {
  active: LbServer[];
  backup: LbServer[];
  /** First usable backup when `option allbackups` is off. */
  firstBackup: LbServer | null;
}

/** Splits usable servers into active and backup groups, in declaration order. */
export function countGroups(servers: LbServer[], allBackups: boolean): GroupCounts {
  const active: LbServer[] = [];
  const backup: LbServer[] = [];
  let firstBackup: LbServer | null = null;
  for (const s of servers) {
    if (!isUsable(s)) continue;
    if (s.backup) {
      if (!backup.length && !allBackups) firstBackup = s;
      backup.push(s);
    } else active.push(s);
  }
  return { active, backup, firstBackup };
}
