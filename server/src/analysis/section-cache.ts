import type { ConfigFile, Position, Range, Section } from '../syntax/ast';
import { firstIndexWhere } from '../syntax/binary-search';
import { detached } from '../syntax/detached';
import { AnchoredPosition, RelativePosition, type LineAnchor } from '../syntax/positions';
import type { Finding } from './finding';

/** What section findings were computed from; they are reused while all of it is the same. */
export interface SectionInputs {
  /** The target version, the rules' file facts and their severity settings, as one string. */
  key: string;
  /** The proxy's defaults sections, nearest first. */
  defaults: readonly Section[];
  /** The section's line, for rules whose messages quote line numbers (else undefined). */
  line: number | undefined;
}

interface Entry {
  inputs: SectionInputs;
  findings: readonly Finding[];
  /** Other sections the findings' ranges lie in: the entry is only valid while they are all in the file. */
  others: readonly Section[];
}

/** Most sections have no findings: their entries share these. */
const NOTHING: readonly Finding[] = Object.freeze([]);
const NO_SECTIONS: readonly Section[] = Object.freeze([]);

/** Entries by section, then by group of rules (rules are grouped by what their findings depend on). */
const cache = new WeakMap<Section, Entry[]>();

function sameDefaults(a: readonly Section[], b: readonly Section[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The findings of a group of rules for `section` computed earlier from the same inputs (see `SectionInputs`), if they
 * are still valid: every other section they point into must still be in the file.
 */
export function cachedSectionFindings(
  section: Section,
  group: number,
  key: string,
  defaults: readonly Section[],
  line: number | undefined,
  isPresent: (section: Section) => boolean,
): readonly Finding[] | undefined {
  const entry = cache.get(section)?.[group];
  if (!entry) return undefined;
  const inputs = entry.inputs;
  if (inputs.key !== key || inputs.line !== line || !sameDefaults(inputs.defaults, defaults)) return undefined;
  for (const other of entry.others) if (!isPresent(other)) return undefined;
  return entry.findings;
}

function headerAnchor(section: Section): LineAnchor | undefined {
  const start = section.keyword.range.start;
  return start instanceof AnchoredPosition ? start.anchor : undefined;
}

/**
 * Keeps the findings of a group of rules for `section`. Positions the rule computed (plain objects) are tied to the header
 * of the section they lie in, so that they move with it like positions of the tree do. Findings with a position
 * before the first section are not kept. Returns the findings as kept (same values).
 */
export function storeSectionFindings(file: ConfigFile, section: Section, group: number, inputs: SectionInputs, findings: Finding[]): readonly Finding[] {
  let groups = cache.get(section);
  if (!groups) cache.set(section, (groups = []));
  if (findings.length === 0) {
    groups[group] = { inputs, findings: NOTHING, others: NO_SECTIONS };
    return NOTHING;
  }
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
  const kept: Finding[] = [];
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
          edits.push({ range: editRange, newText: detached(edit.newText) });
        }
        liveFixes.push({ ...fix, title: detached(fix.title), edits });
      }
      fixes = liveFixes;
    }
    // Kept across versions: texts are copied so that they do not keep the version they were cut from alive.
    kept.push({ ...finding, message: detached(finding.message), range, fixes });
  }
  groups[group] = { inputs, findings: kept, others: others.size > 0 ? [...others] : NO_SECTIONS };
  return kept;
}

/** The section whose lines (from its header to the next header) hold `offset`. */
function sectionAt(file: ConfigFile, offset: number): Section | undefined {
  const sections = file.sections;
  const after = firstIndexWhere(sections.length, (i) => {
    const start = sections[i].keyword.range.start;
    return start.offset - start.column > offset;
  });
  return after > 0 ? sections[after - 1] : undefined;
}
