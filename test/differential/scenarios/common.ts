/**
 * The global and defaults sections every scenario starts with: one thread so the order of events is
 * HAProxy's single-threaded order, short timeouts, no stats socket, no pidfile, no daemon. `noreuseport`
 * makes a second HAProxy on the same port fail to start instead of silently sharing its connections
 * (the runner then retries with other ports).
 */
export const PREAMBLE = `global
    nbthread 1
    maxconn 200
    noreuseport

defaults
    mode http
    timeout connect 1s
    timeout client 5s
    timeout server 5s
    timeout tarpit 100ms
    retries 0
`;

/** Health-check settings that mark a closed port down on the first failed check. */
export const FAST_CHECK = 'check inter 100ms fall 1 rise 1';

/** `count` requests built from an index. */
export function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_unused, i) => make(i));
}
