/**
 * BOB custom fields ("champs supplémentaires") that have a CRM counterpart: which of them
 * exist, how a value is shaped on its way to CRM, and when it travels at all.
 */
import type { ConditionOp, CustomFieldSetting } from '../../contract/customFields';
import type { Problem } from '../../contract/pending';
import type { CustomFieldDef } from './ports';

const OPERAND_CONDITIONS: ReadonlySet<ConditionOp> = new Set(['equals', 'differs', 'starts_with', 'contains']);

/** Cuts in UTF-16 units, as CRM's column lengths count, without splitting a surrogate pair. */
function cut(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  const head = value.slice(0, maxLength);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

const capitalize = (value: string): string =>
  value.replace(/(^|\s)(\S)/gu, (_match, separator: string, first: string) => separator + first.toUpperCase());

/**
 * The value as it would appear in CRM. Every step is idempotent, so a value written to either
 * side reads back unchanged and the next diff sees no change.
 */
export function applyStringRule(value: string, setting: CustomFieldSetting): string {
  if (setting.type !== 'string') return value;
  let shaped: string;
  switch (setting.transform) {
    case 'none':
      shaped = value;
      break;
    case 'upper':
      shaped = value.toUpperCase();
      break;
    case 'lower':
      shaped = value.toLowerCase();
      break;
    case 'trim':
      shaped = value.trim();
      break;
    case 'capitalize':
      shaped = capitalize(value);
      break;
  }
  // A cut can leave a trailing blank that the next read trims away: trim it now instead.
  return setting.maxLength === null ? shaped : cut(shaped, setting.maxLength).trimEnd();
}

/** Whether the field travels for a customer whose BOB value is `value` (case-sensitive). */
export function conditionHolds(value: string, setting: CustomFieldSetting): boolean {
  const operand = setting.conditionValue;
  switch (setting.condition) {
    case 'always':
      return true;
    case 'not_empty':
      return value.trim() !== '';
    case 'equals':
      return value === operand;
    case 'differs':
      return value !== operand;
    case 'starts_with':
      return value.startsWith(operand);
    case 'contains':
      return value.includes(operand);
  }
}

/**
 * Lists the BOB custom fields that CRM mirrors as `comp_<name>`, keeping the user's saved
 * choices and proposing defaults for fields seen for the first time. Type and CRM field come
 * from the current definitions, not from what was saved, since either system may have changed.
 */
export function matchCustomFields(
  bobDefs: CustomFieldDef[],
  crmDefs: CustomFieldDef[],
  saved: CustomFieldSetting[],
): CustomFieldSetting[] {
  // CRM stores field names in SQL Server, where they are case-insensitive.
  const crmByName = new Map(crmDefs.map((def) => [def.name.toLowerCase(), def]));
  const savedByField = new Map(saved.map((setting) => [setting.bobField, setting]));
  return bobDefs.flatMap((bobDef): CustomFieldSetting[] => {
    const crmDef = crmByName.get(`comp_${bobDef.name.toLowerCase()}`);
    if (crmDef === undefined) return [];
    const identity = { bobField: bobDef.name, crmField: crmDef.name, type: bobDef.type };
    const kept = savedByField.get(bobDef.name);
    if (kept !== undefined) {
      const { selected, maxLength, transform, condition, conditionValue } = kept;
      return [{ ...identity, selected, maxLength, transform, condition, conditionValue }];
    }
    return [
      {
        ...identity,
        selected: true,
        maxLength: bobDef.type === 'string' ? (crmDef.length ?? null) : null,
        transform: 'none',
        condition: 'always',
        conditionValue: '',
      },
    ];
  });
}

/** Checks settings read back from the sheet against the fields that can actually travel. */
export function validateCustomFieldSettings(
  settings: CustomFieldSetting[],
  matched: CustomFieldSetting[],
): Problem[] {
  const matchedByField = new Map(matched.map((setting) => [setting.bobField, setting]));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const report = (field: string, code: string, message: string): void => {
    problems.push({ key: null, field, code, message });
  };
  for (const setting of settings) {
    const field = setting.bobField;
    const known = matchedByField.get(field);
    if (known === undefined) {
      report(field, 'unknown_custom_field', `BOB custom field "${field}" has no matching CRM field.`);
      continue;
    }
    if (seen.has(field)) {
      report(field, 'duplicate_custom_field', `BOB custom field "${field}" is listed more than once.`);
      continue;
    }
    seen.add(field);
    if (known.type !== 'string' && setting.maxLength !== null) {
      const message = `"${field}" is a ${known.type} field: only text fields take a maximum length.`;
      report(field, 'max_length_not_string', message);
    }
    if (known.type !== 'string' && setting.transform !== 'none') {
      const message = `"${field}" is a ${known.type} field: only text fields take a transformation.`;
      report(field, 'transform_not_string', message);
    }
    if (OPERAND_CONDITIONS.has(setting.condition) && setting.conditionValue === '') {
      report(field, 'condition_value_missing', `The condition "${setting.condition}" on "${field}" needs a value.`);
    }
  }
  return problems;
}
