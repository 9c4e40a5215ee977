import { countGroups, type LbPick, type LbServer } from './lb-server';

/** `balance first`: the usable server with the lowest id that still has room below its maxconn. */
export function pickFirst(servers: LbServer[], allBackups: boolean): LbPick {
  const groups = countGroups(servers, allBackups);
  let pool: LbServer[];
  if (groups.active.length) pool = groups.active;
  else if (groups.firstBackup) return { server: groups.firstBackup, detail: 'first usable backup server' };
  else pool = groups.backup;
  const ordered = [...pool].sort((a, b) => a.puid - b.puid);
  for (const s of ordered) {
    if (!s.maxconn || s.served < s.maxconn) return { server: s, detail: `first server with room (id ${s.puid})` };
  }
  return { server: null, detail: 'all servers are full' };
}
