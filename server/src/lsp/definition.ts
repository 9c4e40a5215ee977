import type { DefinitionParams, Location } from 'vscode-languageserver';
import type { ConfigSet } from '../navigation/config-set';
import { findDefinitions } from '../navigation/definition';
import { toLspRange } from './convert';

/** textDocument/definition: the definitions of the symbol under the cursor, in any file of its config set. */
export function definitionLocations(set: ConfigSet, params: DefinitionParams): Location[] {
  const { line, character } = params.position;
  return findDefinitions(set, params.textDocument.uri, line, character).map((found) => ({ uri: found.uri, range: toLspRange(found.range) }));
}
