/** The generated keyword table (see scripts/generate-catalog.mjs), parsed on first call. */
export declare function loadKeywordTable(): unknown;
/** The `{ name: summary }` table of one keyword kind, or undefined when its file does not exist. */
export declare function loadSummaryTable(kind: string): unknown;
