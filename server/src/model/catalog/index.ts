export * from './versions';
export * from './types';
export {
  addedIn,
  allKeywords,
  argumentShapes,
  docsUrl,
  findKeywordsNamed,
  getKeyword,
  isAllowedIn,
  isAllowedInRuleSet,
  isDeprecatedIn,
  isDocumentedIn,
  isHttpOnly,
  isKnownIn,
  keywordsOfKind,
  optionKeywords,
  placesIn,
  removedAfter,
  ruleSetActions,
  sectionKeywords,
  syntaxLines,
  variantFor,
} from './catalog';
export { actionName, MODULE_LOADING_KEYWORDS, resolveDirective, sectionsOfKind } from './resolve-directive';
export type { ActionStatus, DirectiveStatus, ResolvedAction, ResolvedDirective } from './resolve-directive';
export { lineOptions, scanOptions } from './scan-options';
export type { LineOptions, OptionKind, ScannedOption } from './scan-options';
export { joinSyntaxLines, parseSyntax, parseSyntaxLine } from './syntax-shape';
export type { ArgShape, SyntaxShape } from './syntax-shape';
export { matchShape } from './argument-match';
export type { ArgBinding, ShapeMatch } from './argument-match';
export { guessArgType } from './placeholder-types';
export type { ArgType } from './placeholder-types';
export * from './argument-values';
export * from './units';
export { findRemovedKeyword, REMOVED_BIND_OPTIONS, REMOVED_KEYWORDS } from './removed-keywords';
export { DIRECTIVE_KINDS, isCatalogSection, isProxySection, PROXY_SECTIONS, SECTION_KINDS } from './section-kinds';
export { closestNames, editDistance, suggestKeywords } from './suggest';
