import type { ConfigFile, Position, Range, Section } from '../syntax/ast';
import { AnchoredPosition, RelativePosition, type LineAnchor } from '../syntax/positions';
import type { Finding, Severity } from './finding';
import type { HaproxyVersion } from './version';

/** A finding as its rule reported it, before severity overrides and suppressions. */
export type SectionFinding = Omit<Finding, 'rule' | 'severity'> & { severity: Severity };

/** What section findings were computed from; they are reused while all of it is the same. */
export interface SectionInputs {
  version: HaproxyVersion;
  facts: string;
  /** The proxy's defaults sections, nearest first. */
  defaults: readonly Section[];
  /** The section's line, for rules whose messages quote line numbers (else undefined). */
  line: number | undefined;
}

interface Entry {
  inputs: SectionInputs;
  findings: SectionFinding[];
  /** Other sections the findings' ranges lie in: the entry is only valid while they are all in the file. */
  others: Section[];
}

const cache = new WeakMap<Section, Map<string, Entry>>();

function sameInputs(a: SectionInputs, b: SectionInputs): boolean {
  return a.version === b.version && a.facts === b.facts && a.line === b.line && a.defaults.length === b.defaults.length && a.defaults.every((d, i) => d === b.defaults[i]);
}

/** The findings of `rule` for `section` computed earlier from the same inputs, if they are still valid. */
export function cachedSectionFindings(section: Section, rule: string, inputs: SectionInputs, present: ReadonlySet<Section>): SectionFinding[] | undefined {
  const entry = cache.get(section)?.get(rule);
  if (!entry || !sameInputs(entry.inputs, inputs) || !entry.others.every((other) => present.has(other))) return undefined;
  return entry.findings;
}

function headerAnchor(section: Section): LineAnchor | undefined {
  const start = section.keyword.range.start;
  return start instanceof AnchoredPosition ? start.anchor : undefined;
}

/**
 * Keeps the findings of `rule` for `section`. Positions the rule computed (plain objects) are tied to the header
 * of the section they lie in, so that they move with it like positions of the tree do. Findings with a position
 * before the first section are not kept. Returns the findings as kept (same values).
 */
export function storeSectionFindings(file: ConfigFile, section: Section, rule: string, inputs: SectionInputs, findings: SectionFinding[]): SectionFinding[] {
  const others = new Set<Section>();
  const live = (position: Position): Position | undefined => {
    const owner = sectionAt(file, position.offset);
    const anchor = owner && headerAnchor(owner);
    if (!owner || !anchor) return undefined;
    if (owner !== section) others.add(owner);
    if (position instanceof AnchoredPosition || position instanceof RelativePosition) return position;
    return new RelativePosition(anchor, position.line - anchor.line, position.column, position.offset - anchor.offset);
  };
  const liveRange = (range: Range): Range | undefined => {
    const start = live(range.start);
    const end = live(range.end);
    return start && end ? (start === range.start && end === range.end ? range : { start, end }) : undefined;
  };
  const kept: SectionFinding[] = [];
  for (const finding of findings) {
    const range = liveRange(finding.range);
    if (!range) return findings;
    let fixes = finding.fixes;
    if (fixes) {
      const liveFixes = [];
      for (const fix of fixes) {
        const edits = [];
        for (const edit of fix.edits) {
          const editRange = liveRange(edit.range);
          if (!editRange) return findings;
          edits.push(editRange === edit.range ? edit : { ...edit, range: editRange });
        }
        liveFixes.push({ ...fix, edits });
      }
      fixes = liveFixes;
    }
    kept.push(range === finding.range && fixes === finding.fixes ? finding : { ...finding, range, fixes });
  }
  let byRule = cache.get(section);
  if (!byRule) cache.set(section, (byRule = new Map()));
  byRule.set(rule, { inputs, findings: kept, others: [...others] });
  return kept;
}

/** The section whose lines (from its header to the next header) hold `offset`. */
function sectionAt(file: ConfigFile, offset: number): Section | undefined {
  const sections = file.sections;
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = sections[middle].keyword.range.start;
    if (start.offset - start.column <= offset) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? sections[low - 1] : undefined;
}
