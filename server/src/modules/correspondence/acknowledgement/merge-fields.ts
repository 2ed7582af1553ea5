import {
  ACK_MERGE_FIELDS,
  ACK_MERGE_SECTIONS,
  type TAckMergeField,
  type TAckMergeSection,
} from '@dircab/contracts/correspondence-acknowledgement';

export type MergeValues = Record<TAckMergeField, string>;
export type MergeSections = Record<TAckMergeSection, boolean>;

const SECTION = /\{\{#\s*([A-Za-z.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\1\s*\}\}/g;
const FIELD = /\{\{\s*([A-Za-z.]+)\s*\}\}/g;
const FIELDS: ReadonlySet<string> = new Set(ACK_MERGE_FIELDS);
const SECTIONS: ReadonlySet<string> = new Set(ACK_MERGE_SECTIONS);

/**
 * Fills a template: sections kept or dropped, then `{{field}}` replaced by its value passed
 * through `escapeValue` (HTML for a body, nothing for a subject). An unknown field stays as written,
 * so whoever wrote the template sees the typo in the letter rather than a silent gap.
 */
export function mergeTemplate(
  template: string,
  values: MergeValues,
  sections: MergeSections,
  escapeValue: (value: string) => string = (v) => v,
): string {
  let text = template;
  // Sections may hold one another: drop or open the innermost first, until none is left.
  for (let i = 0; i < 10 && SECTION.test(text); i++) {
    text = text.replace(SECTION, (whole, name: string, inner: string) =>
      SECTIONS.has(name) ? (sections[name as TAckMergeSection] ? inner : '') : whole,
    );
  }
  return text.replace(FIELD, (whole, name: string) =>
    FIELDS.has(name) ? escapeValue(values[name as TAckMergeField]) : whole,
  );
}

/** The fields and sections a template names that do not exist, for a clear 400. */
export function unknownMergeNames(template: string): string[] {
  const unknown = new Set<string>();
  for (const m of template.matchAll(/\{\{\s*([#/]?)\s*([^}]*?)\s*\}\}/g)) {
    const name = m[2] ?? '';
    if (m[1] ? !SECTIONS.has(name) : !FIELDS.has(name)) unknown.add(name);
  }
  return [...unknown];
}
