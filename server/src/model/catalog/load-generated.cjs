// Plain CommonJS on purpose: `require` defers reading and parsing each JSON table until first use, both
// in the esbuild bundles (lazy module wrappers) and when the sources run as ES modules under tsx.
'use strict';

exports.loadKeywordTable = () => require('./keywords.generated.json');

exports.loadSummaryTable = (kind) => {
  try {
    return require(`./summaries/${kind}.json`);
  } catch {
    return undefined;
  }
};
