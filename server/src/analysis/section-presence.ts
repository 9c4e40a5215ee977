import type { ConfigFile, Section } from '../syntax/ast';
import { firstIndexWhere } from '../syntax/binary-search';

/**
 * True when `section` is one of the sections of `file` (not a section of another file of a multi-file config, nor
 * one an edit replaced). A binary search on header offsets: no set of the file's sections is built.
 */
export function hasSection(file: ConfigFile, section: Section): boolean {
  const sections = file.sections;
  const offset = section.keyword.range.start.offset;
  return sections[firstIndexWhere(sections.length, (i) => sections[i].keyword.range.start.offset >= offset)] === section;
}
