import { dirname, isAbsolute, resolve } from 'node:path';
import type { ConfigModel } from '../model/config-model';
import { pathBases, type FileReferenceKind } from '../model/file-references';
import type { Range } from '../syntax/ast';

/** A file path in the config and the absolute path it points to. */
export interface DocumentLink {
  range: Range;
  target: string;
  kind: FileReferenceKind;
}

/**
 * Links for the file paths a config names (ACL pattern files, maps, error pages, certificates, Lua).
 * Relative paths are resolved from the config's folder: certificates against `crt-base`, CA and CRL
 * files against `ca-base`, the rest against `default-path origin`, when those are set. Without
 * `configPath` (an unsaved file) only absolute paths are linked. Paths holding environment variables are
 * skipped: their value is only known at run time.
 */
export function documentLinks(model: ConfigModel, configPath?: string): DocumentLink[] {
  const bases = pathBases(model.file);
  const links: DocumentLink[] = [];
  for (const reference of model.files) {
    if (reference.path.includes('$') || reference.path.startsWith('@')) continue;
    const base = reference.kind === 'certificate' ? bases.certificate : reference.kind === 'ca' ? bases.ca : bases.origin;
    if (!isAbsolute(reference.path) && !configPath && !(base && isAbsolute(base))) continue;
    const target = isAbsolute(reference.path) ? reference.path : resolve(configPath ? dirname(configPath) : '/', base ?? '.', reference.path);
    links.push({ range: reference.range, target, kind: reference.kind });
  }
  return links;
}
