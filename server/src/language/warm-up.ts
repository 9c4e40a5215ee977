import { allKeywords, NEWEST_VERSION } from '../model/catalog';
import { buildModel, type ConfigModel } from '../model/config-model';
import { lineStarts } from '../syntax/line-starts';
import { parseConfig } from '../syntax/parse-config';
import { completeAt } from './completion';
import { indexBackends } from './completion-names';
import { hoverAt } from './hover';
import type { LanguageDocument } from './line-structure';
import { readLine } from './line-words';
import { signatureHelpAt } from './signature-help';
import { indexSymbols } from './symbol-index';

/** A small config with the lines people hover and complete most, to run each feature once before it is asked for. */
const SAMPLE = `global
    log stdout format raw local0
    maxconn 4096
    ssl-default-bind-options ssl-min-ver TLSv1.2

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    option httplog

frontend fe_main
    bind :443 ssl crt /etc/haproxy/site.pem alpn h2,http/1.1
    acl is_api path_beg -i /api
    http-request set-header X-Forwarded-Proto https if { ssl_fc }
    http-request deny if { src,ipmask(24) -m ip 10.0.0.0/8 } !is_api
    log-format "%ci:%cp [%tr] %ft %b/%s %[req.hdr(host),lower]"
    use_backend be_api if is_api
    default_backend be_api

backend be_api
    balance roundrobin
    stick-table type ip size 1m expire 10m store http_req_rate(10s)
    http-check expect status 200
    server api1 10.0.0.11:8080 check inter 2s weight 10
`;

/** Hover, completion and signature help at the start, inside and end of every word of every line. */
function exerciseFeatures(doc: LanguageDocument): void {
  const lines = doc.file.text.split('\n').length;
  for (let line = 0; line < lines; line++) {
    const words = readLine(doc.file, line)?.words ?? [];
    const columns = new Set([0, ...words.flatMap((w) => [w.range.start.column, w.range.start.column + 1, w.range.end.column])]);
    for (const column of columns) {
      hoverAt(doc, line, column);
      completeAt(doc, line, column);
      signatureHelpAt(doc, line, column);
    }
  }
}

/**
 * Work the language features do on first use, as separate steps a server can run while idle: decoding the
 * keyword catalog and its summaries, then one pass of every feature over a sample config, so that the
 * first request a user makes finds the data loaded and the code compiled.
 */
export function languageWarmUpSteps(): (() => void)[] {
  let sample: LanguageDocument | undefined;
  return [
    () => {
      const kinds = new Set<string>();
      for (const entry of allKeywords()) {
        if (kinds.has(entry.kind)) continue;
        kinds.add(entry.kind);
        void entry.summary;
      }
    },
    () => {
      const file = parseConfig(SAMPLE);
      sample = { file, model: buildModel(file), haproxyVersion: NEWEST_VERSION };
    },
    () => exerciseFeatures(sample!),
  ];
}

/**
 * The indexes hover and completion build on a model's first lookup (line starts, names by position, backend
 * names), as steps to run once a document has been analysed rather than on the user's first request.
 */
export function modelWarmUpSteps(model: ConfigModel): (() => void)[] {
  return [() => lineStarts(model.file), () => indexSymbols(model), () => indexBackends(model)];
}
