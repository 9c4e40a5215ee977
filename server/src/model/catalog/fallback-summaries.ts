/**
 * Summaries for keywords that only the 2.6 binary registers (no manual entry, so the per-kind summary
 * files written from keywords.json do not cover them). Keyed by `<kind> <name>`.
 */
export const FALLBACK_SUMMARIES: Readonly<Record<string, string>> = {
  'acl-derived scook_beg': 'Old ACL name for res.cook with prefix matching: tests whether a cookie set by the server starts with a pattern.',
  'acl-derived scook_dir': 'Old ACL name for res.cook with subdirectory matching on a cookie set by the server.',
  'acl-derived scook_dom': 'Old ACL name for res.cook with domain matching on a cookie set by the server.',
  'acl-derived scook_end': 'Old ACL name for res.cook with suffix matching: tests whether a cookie set by the server ends with a pattern.',
  'acl-derived scook_len': 'Old ACL name for res.cook with length matching on a cookie set by the server.',
  'acl-derived scook_reg': 'Old ACL name for res.cook with regex matching on a cookie set by the server.',
  'acl-derived scook_sub': 'Old ACL name for res.cook with substring matching on a cookie set by the server.',
  'global tune.vars.check-max-size': 'Caps the memory that variables set by health checks may use, in bytes.',
  'server no-check-send-proxy': 'Cancels an inherited check-send-proxy: health checks are sent without a PROXY protocol header.',
  'action ot-group': 'Runs a named group of OpenTracing scopes from the opentracing filter at this point of the rule set.',
  'converter map_beg_ip': 'Map lookup registered by the binary under this name: takes an address and returns the value of the matching map entry as a string.',
  'fetch fcgi.docroot': 'The document root configured in the fcgi-app used by the current backend (FastCGI only).',
  'fetch fcgi.index': 'The index file name configured in the fcgi-app used by the current backend (FastCGI only).',
  'fetch sc1_clr_gpc': 'Clears the general purpose counter at the given index in the entry tracked by stick counter 1 and returns its previous value.',
};
