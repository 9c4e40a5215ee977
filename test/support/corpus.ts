import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's location. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared reference folder (read-only, present on team machines and CI, absent from a user's clone). */
export const sharedDir = resolve(repoRoot, '../shared');
export const corpusDir = join(sharedDir, 'corpus');
export const hasCorpus = existsSync(join(corpusDir, 'oracle-haproxy-2.6.tsv'));
export const SKIP_CORPUS_MESSAGE = `../shared/corpus not found next to the repository (${corpusDir}): corpus tests skipped`;

export interface OracleRow {
  file: string;
  path: string;
  exitCode: number;
  firstAlert: string;
  category: 'valid' | 'env' | 'invalid-syntax';
  detail: string;
  envfixExitCode: string;
  envfixFirstAlert: string;
}

/** Rows of the HAProxy 2.6 oracle table, one per corpus config. */
export function oracleRows(): OracleRow[] {
  const lines = readFileSync(join(corpusDir, 'oracle-haproxy-2.6.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return lines.map((line) => {
    const [file, exitCode, firstAlert, category, detail, envfixExitCode, envfixFirstAlert] = line.split('\t');
    return {
      file,
      path: join(corpusDir, file),
      exitCode: Number(exitCode),
      firstAlert,
      category: category as OracleRow['category'],
      detail,
      envfixExitCode,
      envfixFirstAlert,
    };
  });
}

/** Configs HAProxy 2.6 accepts: valid, or failing only for something missing on the oracle's machine. */
export function acceptedConfigs(): OracleRow[] {
  return oracleRows().filter((row) => row.category === 'valid' || (row.category === 'env' && row.envfixExitCode === '0'));
}

/** Configs HAProxy 2.6 rejected for their text. */
export function rejectedConfigs(): OracleRow[] {
  return oracleRows().filter((row) => row.category === 'invalid-syntax');
}

/** Every corpus config and template, for robustness checks. */
export function allCorpusFiles(): string[] {
  const configs = readdirSync(join(corpusDir, 'configs')).map((f) => join(corpusDir, 'configs', f));
  const templates = readdirSync(join(corpusDir, 'templates')).map((f) => join(corpusDir, 'templates', f));
  return [...configs, ...templates];
}
