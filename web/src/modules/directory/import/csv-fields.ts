import { CSV_TARGET_FIELDS, type TCsvTargetField } from '@dircab/contracts';

/** Whether a string names a contact field a CSV column can fill. */
export const isCsvField = (s: string): s is TCsvTargetField => (CSV_TARGET_FIELDS as readonly string[]).includes(s);

/** A field's French label (importWizard.fields.*); an unknown name is shown as it is. */
export function csvFieldLabel(field: string, t: (key: string) => string): string {
  return isCsvField(field) ? t(`importWizard.fields.${field}`) : field;
}
