import type { Directive } from '../syntax/ast';
import type { ActionFn } from './actions/action-types';
import type { AclTable, CompiledCondition } from './acl/condition';
import type { BalanceSpec } from './balance/balance-spec';
import type { Balancer } from './balance/balancer';
import type { BindAddress } from './config/binds';
import type { ProxyKind } from './config/proxy-sections';
import type { ServerDef } from './config/servers';
import type { CompiledExpression } from './expression';
import type { StreamContext } from './context';

/** A rule with its line, text, condition and action. */
export interface CompiledRule {
  line: number;
  text: string;
  cond?: CompiledCondition;
  run: ActionFn;
}

export interface CookieSpec {
  name: string;
  mode: 'insert' | 'rewrite' | 'prefix' | 'passive';
  indirect: boolean;
  nocache: boolean;
  postonly: boolean;
  preserve: boolean;
  httponly: boolean;
  secure: boolean;
  domains: string[];
  attrs: string[];
  maxidle: boolean;
  maxlife: boolean;
  dynamic: boolean;
  line: number;
}

export interface StickRule {
  line: number;
  text: string;
  kind: 'match' | 'on' | 'store-request' | 'store-response';
  key: CompiledExpression;
  table: string;
  cond?: CompiledCondition;
}

export interface SwitchRule {
  line: number;
  text: string;
  name: (ctx: StreamContext) => string;
  dynamic: boolean;
  cond?: CompiledCondition;
}

/** A frontend, backend or listen compiled once for a simulation run. */
export interface CompiledProxy {
  name: string;
  kind: ProxyKind;
  id: number;
  line: number;
  mode: 'http' | 'tcp';
  disabled: boolean;
  binds: BindAddress[];
  acls: AclTable;
  tcpConnection: CompiledRule[];
  tcpSession: CompiledRule[];
  tcpContent: CompiledRule[];
  httpRequest: CompiledRule[];
  redirects: CompiledRule[];
  useBackends: SwitchRule[];
  defaultBackend?: { line: number; name: string };
  useServers: { line: number; text: string; server: (ctx: StreamContext) => string; cond?: CompiledCondition }[];
  persistRules: { line: number; text: string; force: boolean; cond?: CompiledCondition }[];
  servers: ServerDef[];
  balance: BalanceSpec;
  balanceLine: number;
  balancer?: Balancer;
  /** `balance hash <expr>`, compiled. */
  hashExpr?: CompiledExpression;
  cookie?: CookieSpec;
  stickRules: StickRule[];
  monitorUri?: { line: number; uri: string };
  stats?: { line: number; uri: string; auth: boolean; credentials: string[] };
  options: { allbackups: boolean; persist: boolean; redispatch: boolean; forwardfor?: { header: string; ifNone: boolean }; httpProxy: boolean };
  directives: Directive[];
}
