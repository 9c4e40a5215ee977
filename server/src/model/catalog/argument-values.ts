import type { KeywordKind } from './types';
import { type HaproxyVersion, versionIndex } from './versions';

/** One accepted value of an argument, with the versions that accept it. */
export interface EnumValue {
  readonly value: string;
  /** First version accepting it; 2.4 or earlier when omitted. */
  readonly from?: HaproxyVersion;
  /** Last version accepting it; still accepted in 3.4 when omitted. */
  readonly until?: HaproxyVersion;
  /** `word`: the next word is its value (`domain example.com`); `parens`: `name(<arg>)`, `optional-parens`: `name[(<arg>)]`. */
  readonly argument?: 'word' | 'parens' | 'optional-parens';
  /** Value type of that argument, when it has one. */
  readonly argumentType?: 'time' | 'size' | 'number' | 'string';
}

const v = (value: string, extra: Omit<EnumValue, 'value'> = {}): EnumValue => ({ value, ...extra });
const list = (...values: string[]): EnumValue[] => values.map((value) => ({ value }));

/** `balance` algorithms. */
export const BALANCE_ALGORITHMS: readonly EnumValue[] = [
  v('roundrobin'),
  v('static-rr'),
  v('leastconn'),
  v('first'),
  v('source'),
  v('uri'),
  v('url_param', { argument: 'word' }),
  v('hdr', { argument: 'parens' }),
  v('random', { argument: 'optional-parens', argumentType: 'number' }),
  v('rdp-cookie', { argument: 'optional-parens' }),
  v('hash', { from: '2.6', argument: 'word' }),
  v('log-hash', { from: '2.9', argument: 'word' }),
  v('sticky', { from: '2.9' }),
];

/** Values of `ssl-min-ver` / `ssl-max-ver` (bind and server options, `ssl-default-*-options`). */
export const SSL_VERSIONS: readonly EnumValue[] = list('SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3');

/** `mode` of a proxy. */
export const PROXY_MODES: readonly EnumValue[] = [v('tcp'), v('http'), v('log', { from: '2.9' }), v('spop', { from: '3.1' })];

/** The cookie insertion mode of `cookie <name>` (at most one). */
export const COOKIE_MODES: readonly EnumValue[] = list('rewrite', 'insert', 'prefix');

/** The other options of `cookie <name>`, in any order. */
export const COOKIE_OPTIONS: readonly EnumValue[] = [
  v('indirect'),
  v('nocache'),
  v('postonly'),
  v('preserve'),
  v('httponly'),
  v('secure'),
  v('domain', { argument: 'word', argumentType: 'string' }),
  v('maxidle', { argument: 'word', argumentType: 'time' }),
  v('maxlife', { argument: 'word', argumentType: 'time' }),
  v('dynamic'),
  v('attr', { argument: 'word', argumentType: 'string' }),
];

/** Key types of `stick-table type` (string and binary take `len <n>`). */
export const STICK_TABLE_TYPES: readonly EnumValue[] = [
  v('ip'),
  v('ipv6'),
  v('integer'),
  v('string', { argument: 'word', argumentType: 'number' }),
  v('binary', { argument: 'word', argumentType: 'number' }),
];

/** Data types a stick table may `store` (rates take a period in parentheses, arrays an index count). */
export const STICK_TABLE_DATA_TYPES: readonly EnumValue[] = [
  v('server_id'),
  v('gpc0'),
  v('gpc0_rate', { argument: 'parens', argumentType: 'time' }),
  v('gpc1'),
  v('gpc1_rate', { argument: 'parens', argumentType: 'time' }),
  v('gpt0'),
  v('gpc', { from: '2.5', argument: 'parens', argumentType: 'number' }),
  v('gpc_rate', { from: '2.5', argument: 'parens' }),
  v('gpt', { from: '2.5', argument: 'parens', argumentType: 'number' }),
  v('conn_cnt'),
  v('conn_cur'),
  v('conn_rate', { argument: 'parens', argumentType: 'time' }),
  v('sess_cnt'),
  v('sess_rate', { argument: 'parens', argumentType: 'time' }),
  v('http_req_cnt'),
  v('http_req_rate', { argument: 'parens', argumentType: 'time' }),
  v('http_err_cnt'),
  v('http_err_rate', { argument: 'parens', argumentType: 'time' }),
  v('http_fail_cnt'),
  v('http_fail_rate', { argument: 'parens', argumentType: 'time' }),
  v('bytes_in_cnt'),
  v('bytes_in_rate', { argument: 'parens', argumentType: 'time' }),
  v('bytes_out_cnt'),
  v('bytes_out_rate', { argument: 'parens', argumentType: 'time' }),
  v('glitch_cnt', { from: '3.0' }),
  v('glitch_rate', { from: '3.0', argument: 'parens', argumentType: 'time' }),
];

/** `hash-type <method> <function> [<modifier>]`. */
export const HASH_TYPE_METHODS: readonly EnumValue[] = list('map-based', 'consistent');
export const HASH_TYPE_FUNCTIONS: readonly EnumValue[] = [v('sdbm'), v('djb2'), v('wt6'), v('crc32'), v('none', { from: '2.6' })];
export const HASH_TYPE_MODIFIERS: readonly EnumValue[] = list('avalanche');

/** Syslog severities, most severe first. */
export const LOG_LEVELS: readonly EnumValue[] = list('emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug');

/** Syslog facilities. */
export const LOG_FACILITIES: readonly EnumValue[] = list(
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'auth2', 'ftp', 'ntp', 'audit',
  'alert', 'cron2', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
);

/** Formats of `log ... format <format>`. */
export const LOG_FORMATS: readonly EnumValue[] = list('local', 'rfc3164', 'rfc5424', 'priority', 'short', 'timed', 'iso', 'raw');

/** Options of `ssl-default-bind-options` (the server variant shares most of them). */
export const SSL_DEFAULT_BIND_OPTIONS: readonly EnumValue[] = [
  ...list('no-sslv3', 'no-tlsv10', 'no-tlsv11', 'no-tlsv12', 'no-tlsv13', 'no-tls-tickets', 'force-sslv3', 'force-tlsv10'),
  ...list('force-tlsv11', 'force-tlsv12', 'force-tlsv13', 'prefer-client-ciphers', 'strict-sni'),
  v('ssl-min-ver', { argument: 'word' }),
  v('ssl-max-ver', { argument: 'word' }),
];
export const SSL_DEFAULT_SERVER_OPTIONS: readonly EnumValue[] = [
  ...list('no-sslv3', 'no-tlsv10', 'no-tlsv11', 'no-tlsv12', 'no-tlsv13', 'no-tls-tickets', 'force-sslv3', 'force-tlsv10'),
  ...list('force-tlsv11', 'force-tlsv12', 'force-tlsv13'),
  v('ssl-min-ver', { argument: 'word' }),
  v('ssl-max-ver', { argument: 'word' }),
];

/** Fixed values of one argument of a keyword or of an option's value. */
export interface ArgumentValues {
  /** Argument index after the keyword (0 = first argument); `each` when any argument may be one of them. */
  readonly position: number | 'each';
  readonly values: readonly EnumValue[];
  /** The value is a comma separated list of these (`init-addr last,libc`). */
  readonly commaList?: boolean;
  /** A value outside the list is also accepted (an address for `init-addr`, a number for levels). */
  readonly open?: boolean;
}

const at = (position: number | 'each', values: readonly EnumValue[], more: Omit<ArgumentValues, 'position' | 'values'> = {}): ArgumentValues => ({
  position,
  values,
  ...more,
});

/**
 * Hand-written argument values per keyword (`<kind> <name>`), for the facts the manual's syntax
 * lines do not spell out. Bind and server options use position 0 for their value.
 */
export const KEYWORD_ARGUMENT_VALUES: Readonly<Record<string, readonly ArgumentValues[]>> = {
  'proxy balance': [at(0, BALANCE_ALGORITHMS)],
  'proxy mode': [at(0, PROXY_MODES)],
  'proxy cookie': [at('each', [...COOKIE_MODES, ...COOKIE_OPTIONS], { open: true })],
  'proxy hash-type': [at(0, HASH_TYPE_METHODS), at(1, HASH_TYPE_FUNCTIONS), at(2, HASH_TYPE_MODIFIERS)],
  'proxy http-reuse': [at(0, list('never', 'safe', 'aggressive', 'always'))],
  'proxy load-server-state-from-file': [at(0, list('global', 'local', 'none'))],
  'proxy option httplog': [at(0, list('clf'))],
  'proxy option tcplog': [at(0, list('clf'))],
  'proxy log': [at('each', [...LOG_FACILITIES, ...LOG_LEVELS, ...list('global')], { open: true })],
  'global log': [at('each', [...LOG_FACILITIES, ...LOG_LEVELS], { open: true })],
  'global ssl-default-bind-options': [at('each', SSL_DEFAULT_BIND_OPTIONS, { open: true })],
  'global ssl-default-server-options': [at('each', SSL_DEFAULT_SERVER_OPTIONS, { open: true })],
  'global ssl-server-verify': [at(0, list('none', 'required'))],
  'bind ssl-min-ver': [at(0, SSL_VERSIONS)],
  'bind ssl-max-ver': [at(0, SSL_VERSIONS)],
  'server ssl-min-ver': [at(0, SSL_VERSIONS)],
  'server ssl-max-ver': [at(0, SSL_VERSIONS)],
  'bind verify': [at(0, list('none', 'optional', 'required'))],
  'server verify': [at(0, list('none', 'required'))],
  'bind level': [at(0, list('user', 'operator', 'admin'))],
  'bind severity-output': [at(0, list('none', 'number', 'string'))],
  'bind quic-cc-algo': [at(0, [v('cubic'), v('newreno'), v('bbr', { from: '3.1' }), v('nocc')], { open: true })],
  'server observe': [at(0, list('none', 'layer4', 'layer7'))],
  'server on-error': [at(0, list('fastinter', 'fail-check', 'sudden-death', 'mark-down'))],
  'server on-marked-down': [at(0, list('shutdown-sessions'))],
  'server on-marked-up': [at(0, list('shutdown-backup-sessions'))],
  'server resolve-prefer': [at(0, list('ipv4', 'ipv6'))],
  'server ws': [at(0, list('auto', 'h1', 'h2'))],
  'server init-addr': [at(0, list('last', 'libc', 'none'), { commaList: true, open: true })],
  'server log-proto': [at(0, list('legacy', 'octet-count'))],
  'server proxy-v2-options': [
    at(0, list('ssl', 'cert-cn', 'ssl-cipher', 'cert-sig', 'cert-key', 'authority', 'crc32c', 'unique-id'), { commaList: true }),
  ],
};

/** True when `version` accepts the value. */
export function isValueIn(value: EnumValue, version: HaproxyVersion): boolean {
  if (value.from && versionIndex(version) < versionIndex(value.from)) return false;
  if (value.until && versionIndex(version) > versionIndex(value.until)) return false;
  return true;
}

/** The hand-written argument values of a keyword, limited to what `version` accepts. */
export function argumentValues(kind: KeywordKind, name: string, version: HaproxyVersion): ArgumentValues[] {
  return (KEYWORD_ARGUMENT_VALUES[`${kind} ${name}`] ?? []).map((a) => ({ ...a, values: a.values.filter((x) => isValueIn(x, version)) }));
}
