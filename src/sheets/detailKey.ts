/**
 * The hidden key of a Détails row names the pending row and the field, so that each detail row
 * is tied to exactly one FieldChange however the sheet is sorted. Row keys are `<CID>⇄<CRM id>`
 * and never hold the separator; field names may, so the split is at its first occurrence.
 */
const SEPARATOR = '␟';

export const detailKey = (rowKey: string, field: string): string => {
  if (rowKey.includes(SEPARATOR)) throw new Error(`row key holds the detail separator: ${rowKey}`);
  return `${rowKey}${SEPARATOR}${field}`;
};

/** The pending row a Détails key belongs to; the whole text when it holds no separator. */
export const rowKeyOfDetail = (key: string): string => {
  const at = key.indexOf(SEPARATOR);
  return at < 0 ? key : key.slice(0, at);
};
