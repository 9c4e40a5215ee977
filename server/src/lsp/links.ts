import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import type { ConfigModel } from '../model/config-model';
import { documentLinks } from '../navigation/document-links';
import { toPath } from '../navigation/workspace-configs';
import { toLspRange } from './convert';

const KIND_TOOLTIP: Record<string, string> = {
  'acl-patterns': 'ACL pattern file',
  map: 'Map file',
  'error-page': 'Error page',
  certificate: 'Certificate',
  ca: 'CA / CRL file',
  lua: 'Lua script',
  other: 'File',
};

/** textDocument/documentLink: the map, ACL, error page, certificate and Lua files the config names. */
export function linksOf(model: ConfigModel, uri: string): DocumentLink[] {
  return documentLinks(model, toPath(uri)).map((link) => ({
    range: toLspRange(link.range),
    target: pathToFileURL(link.target).href,
    tooltip: `${KIND_TOOLTIP[link.kind]}: ${link.target}`,
  }));
}
