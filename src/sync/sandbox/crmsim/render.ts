/** The JSON shapes of the simulated REST API. */
import type { SimFieldDef } from './catalogue';
import { SimInputError } from './errors';
import { ADDRESS, EMAIL, type LinkedKind, PHONE } from './linked';
import type { SimCompany, SimRow } from './store';

const INCLUDES = ['address', 'phoneCollection', 'emailCollection'] as const;
export type Include = (typeof INCLUDES)[number];

/** `include=address,phoneCollection` → the linked parts to embed. */
export function parseInclude(include: string | null): Set<Include> {
  const parts = new Set<Include>();
  for (const raw of (include ?? '').split(',')) {
    const name = raw.trim();
    if (!name) continue;
    const known = INCLUDES.find((i) => i.toLowerCase() === name.toLowerCase());
    if (!known) throw new SimInputError(`Unknown include '${name}'; supported: ${INCLUDES.join(', ')}`, 'BadInclude');
    parts.add(known);
  }
  return parts;
}

export function renderCompany(
  company: SimCompany,
  base: string,
  include: ReadonlySet<Include>,
): Record<string, unknown> {
  const key = String(company.id);
  const record: Record<string, unknown> = {
    $key: key,
    $url: `${base}Company('${key}')`,
    $title: company.fields.comp_name,
    ...company.fields,
  };
  if (include.has('address')) record.address = company.address && renderLinked(ADDRESS, company.address, base);
  if (include.has('phoneCollection')) {
    record.phoneCollection = { $resources: company.phones.map((p) => renderLinked(PHONE, p, base)) };
  }
  if (include.has('emailCollection')) {
    record.emailCollection = { $resources: company.emails.map((e) => renderLinked(EMAIL, e, base)) };
  }
  return record;
}

export function renderLinked(kind: LinkedKind, row: SimRow, base: string): Record<string, unknown> {
  const key = String(row[kind.idColumn]);
  return { $key: key, $url: `${base}${kind.entity}('${key}')`, ...row };
}

export function renderPrototype(fields: Iterable<SimFieldDef>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const f of fields) {
    properties[f.name] = {
      $title: f.title,
      $type: f.type,
      ...(f.maxLength !== undefined ? { $maxLength: f.maxLength } : {}),
      $isMandatory: f.mandatory ?? false,
      $isHidden: f.hidden ?? false,
      $isReadOnly: f.readOnly ?? false,
    };
  }
  return { $title: 'Company', $properties: properties };
}
