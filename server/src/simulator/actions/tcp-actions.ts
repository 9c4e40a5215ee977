import type { CompileEnv } from '../compile-env';
import { CONTINUE, type ActionFn } from './action-types';
import { compileHttpAction } from './http-actions';
import { compileCounterAction, compileTrack, type TrackLevel } from './tracking';

const NO_EFFECT = new Set(['expect-proxy', 'expect-netscaler-cip', 'capture', 'set-mark', 'set-tos', 'set-nice', 'set-log-level', 'switch-mode', 'set-priority-class', 'set-priority-offset', 'set-bandwidth-limit', 'attach-srv']);

/** Compiles one `tcp-request connection|session|content` action. */
export function compileTcpAction(words: string[], level: TrackLevel, proxyName: string, env: CompileEnv): ActionFn {
  const [name = '', ...rest] = words;
  if (name === 'accept') return () => ({ kind: 'allow' });
  if (name === 'reject') return () => ({ kind: 'close', what: 'reject' });
  if (name === 'silent-drop') return () => ({ kind: 'close', what: 'silent-drop' });
  if (NO_EFFECT.has(name)) return () => CONTINUE;
  const track = /^track-sc(\d)$/.exec(name);
  if (track) return compileTrack(Number(track[1]), rest, level, proxyName, env);
  const counter = compileCounterAction(name, rest, env);
  if (counter) return counter;
  if (/^(set-var|unset-var|set-var-fmt)\(/.test(name) || name === 'set-src' || name === 'set-dst' || name === 'set-dst-port' || name === 'set-src-port' || name === 'use-service') {
    return compileHttpAction(words, proxyName, env);
  }
  env.unsupported.add(`tcp-request ${name}`);
  return (ctx) => {
    ctx.unsupported.add(`tcp-request ${name}`);
    return { kind: 'continue', note: `${name} is not simulated; the connection goes on as if it did nothing` };
  };
}
