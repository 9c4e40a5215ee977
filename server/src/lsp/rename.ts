import { ErrorCodes, ResponseError, type PrepareRenameParams, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { ConfigSet } from '../navigation/config-set';
import { prepareRename, renameSymbol } from '../navigation/rename';
import { toLspRange } from './convert';

/** textDocument/prepareRename: the range to rename, or an error the editor shows (predefined ACL...). */
export function prepareRenameRange(set: ConfigSet, params: PrepareRenameParams): { range: ReturnType<typeof toLspRange>; placeholder: string } | ResponseError<void> {
  const check = prepareRename(set, params.textDocument.uri, params.position.line, params.position.character);
  if ('error' in check) return new ResponseError(ErrorCodes.InvalidRequest, check.error);
  return { range: toLspRange(check.range), placeholder: check.placeholder };
}

/** textDocument/rename: edits in every file of the config set, or an error saying why the name is refused. */
export function renameEdits(set: ConfigSet, params: RenameParams): WorkspaceEdit | ResponseError<void> {
  const result = renameSymbol(set, params.textDocument.uri, params.position.line, params.position.character, params.newName);
  if ('error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of result.changes) changes[uri] = edits.map((edit) => ({ range: toLspRange(edit.range), newText: edit.newText }));
  return { changes };
}
