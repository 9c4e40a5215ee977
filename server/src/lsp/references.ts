import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { ConfigSet } from '../navigation/config-set';
import { findReferences } from '../navigation/references';
import { toLspRange } from './convert';

/** textDocument/references over every file of the config set. */
export function referenceLocations(set: ConfigSet, params: ReferenceParams): Location[] {
  const { line, character } = params.position;
  return findReferences(set, params.textDocument.uri, line, character, params.context.includeDeclaration).map((found) => ({
    uri: found.uri,
    range: toLspRange(found.range),
  }));
}
