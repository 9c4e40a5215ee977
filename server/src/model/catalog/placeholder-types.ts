/** What kind of value a `<placeholder>` of a syntax line stands for. */
export type ArgType =
  | 'time'
  | 'size'
  | 'number'
  | 'address'
  | 'file'
  | 'name'
  | 'expression'
  | 'format'
  | 'regex'
  | 'condition'
  | 'enum'
  | 'string';

const EXACT: Readonly<Record<string, ArgType>> = {
  condition: 'condition',
  timeout: 'time',
  time: 'time',
  delay: 'time',
  expire: 'time',
  period: 'time',
  interval: 'time',
  idle: 'time',
  life: 'time',
  'timeout, in milliseconds': 'time',
  'delay in milliseconds': 'time',
  size: 'size',
  bytes: 'size',
  bufsize: 'size',
  sz: 'size',
  expr: 'expression',
  expression: 'expression',
  epxr: 'expression',
  sample: 'expression',
  key: 'expression',
  pattern: 'expression',
  fmt: 'format',
  format: 'format',
  'key fmt': 'format',
  'value fmt': 'format',
  'replace-fmt': 'format',
  sd_fmt: 'format',
  hexfmt: 'format',
  loc: 'format',
  pfx: 'format',
  sch: 'format',
  regex: 'regex',
  'match-regex': 'regex',
  'regex-match': 'regex',
  address: 'address',
  addr: 'address',
  addr2: 'address',
  ip: 'address',
  ipv4: 'address',
  ipv6: 'address',
  'address:port': 'address',
  network: 'address',
  port_range: 'address',
  source: 'address',
  destination: 'address',
  host: 'address',
  hostname: 'address',
  fqdn: 'address',
  target: 'address',
  mask4: 'number',
  mask6: 'number',
};

const NUMBER_NAMES = new Set([
  'number', 'int', 'integer', 'idx', 'occ', 'length', 'code', 'port', 'port2', 'id', 'count', 'nb', 'sc-id', 'ctr',
  'offset', 'offset1', 'offset2', 'status', 'st', 'mark', 'tos', 'nice', 'maxconn', 'maxqueue', 'minconn', 'weight',
  'factor', 'bits', 'shards', 'shard', 'backlog', 'nbconn', 'maxseg', 'conns', 'connections', 'rate', 'reqs',
  'field_number', 'seed', 'max', 'start', 'end', 'index', 'uid', 'gid', 'magic number', 'process_num', 'ttl',
  '0..100, in percent', '0..50, in percent', 'seconds', 'megabytes', 'sample_size', 'truncate', 'num | range',
  'start_time_in_ms', 'chunk_size', 'pl', 'ph', 'step',
]);

const FILE_NAMES = new Set([
  'file', 'file-name', 'filename', 'path', 'cafile', 'crlfile', 'cert', 'keyfile', 'dir', 'directory', 'file path',
  'pidfile', 'hdrs-file', 'map_file', 'jail dir', 'lib', 'script-name', 'ca-file', 'crt',
]);

const NAME_NAMES = new Set([
  'name', 'table', 'backend', 'server', 'var-name', 'var', 'peername', 'group', 'user', 'username', 'resolvers',
  'resolvers id', 'frontend', 'userlist', 'tablename', 'ringname', 'peersect', 'wtable', 'mailersect', 'aclname',
  'proxy', 'srv', 'group-name', 'group name', 'user name', 'service-name', 'engine-name', 'listname', 'map_name',
  'map-name', 'mailername', 'groupname', 'log_profile', 'prof', 'label', 'interface', 'defaults_name', 'srvkey',
  'realm', 'filter_option', 'criterion', 'action', 'level', 'minlevel', 'facility', 'algorithm', 'algo', 'alg',
  'method', 'meth', 'mode', 'type', 'data_type', 'output_type', 'option', 'policy', 'family', 'direction', 'unit',
  'match', 'match_type', 'normalizer', 'event', 'steps',
]);

/** Guesses the value type of a placeholder from its name (`<timeout>` -> time, `<backend>` -> name). */
export function guessArgType(placeholder: string): ArgType {
  const name = placeholder.trim().replace(/\.\.\.$|,\.\.\.$/, '').trim();
  const exact = EXACT[name];
  if (exact) return exact;
  if (/^[^|]+(\|[^|]+)+$/.test(name)) return 'enum';
  if (NUMBER_NAMES.has(name)) return 'number';
  if (FILE_NAMES.has(name)) return 'file';
  if (NAME_NAMES.has(name)) return 'name';
  if (/timeout|delay|interval/.test(name)) return 'time';
  if (/(^|[-_ ])size$/.test(name)) return 'size';
  if (/file|dir$/.test(name)) return 'file';
  if (/_expr$|expr$/.test(name)) return 'expression';
  if (/fmt$/.test(name)) return 'format';
  if (/addr|address/.test(name)) return 'address';
  return 'string';
}
