import type { StreamContext } from '../context';

/** What running an action does to the rest of the request's processing. */
export type ActionResult =
  | { kind: 'continue'; note?: string }
  /** `allow` / `accept`: stop this rule list, go on to the next phase. */
  | { kind: 'allow' }
  /** HAProxy answers itself. */
  | { kind: 'respond'; status: number; location?: string; setCookie?: string; what: string }
  /** The connection is closed without an HTTP answer (reject, silent-drop). */
  | { kind: 'close'; what: string };

export type ActionFn = (ctx: StreamContext) => ActionResult;

export const CONTINUE: ActionResult = { kind: 'continue' };
