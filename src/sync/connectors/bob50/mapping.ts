/**
 * Where each canonical field lives in a BOB 50 dossier. No official schema is published, so every
 * table and column name is configuration; the defaults are the names seen in public material
 * (see shared/reference/bob50.md), except those marked "assumed".
 */
import { z } from 'zod';
import { CANONICAL_FIELDS, type CanonicalField } from '../../domain/customer';

const identifier = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain SQL identifier (letters, digits, underscore)')
    .default(fallback);

/** Columns whose names are guesses may be switched off with `null` when a dossier lacks them. */
const optionalIdentifier = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain SQL identifier (letters, digits, underscore) or null')
    .nullable()
    .default(fallback);

const width = (fallback: number) => z.number().int().positive().default(fallback);

const ColumnsSchema = z
  .object({
    cid: identifier('CID'),
    customer: identifier('CCUSTYPE'),
    supplier: identifier('CSUPTYPE'),
    name: identifier('CNAME1'),
    address1: identifier('CADDRESS1'),
    address2: identifier('CADDRESS2'),
    postcode: identifier('CZIPCODE'),
    city: identifier('CLOCALITY'),
    country: identifier('CCOUNTRY'),
    vatPrefix: identifier('CVATREF'),
    vatNumber: identifier('CVATNO'),
    vatCategory: identifier('CVATCAT'),
    language: identifier('CLANGUAGE'),
    email: identifier('EMAILADDRESS'),
    /** assumed */
    phone: optionalIdentifier('CTELNO'),
    /** assumed */
    website: optionalIdentifier('CWEBSITE'),
  })
  .strict();

export type ColumnKey = keyof z.output<typeof ColumnsSchema>;

/**
 * Widths seen in the Link import specs, kept so that writes can later be checked against what
 * BOB accepts. Keyed like `columns`, so renaming a column keeps its width.
 */
const WidthsSchema = z
  .object({
    cid: width(10),
    customer: width(1),
    supplier: width(1),
    name: width(40),
    address1: width(40),
    address2: width(40),
    postcode: width(10),
    city: width(40),
    country: width(6),
    vatPrefix: width(2),
    vatNumber: width(12),
    vatCategory: width(1),
    language: width(2),
    email: width(80),
    phone: width(30),
    website: width(100),
  })
  .strict();

const FlagsSchema = z
  .object({
    customer: z.string().min(1).default('C'),
    supplier: z.string().min(1).default('S'),
  })
  .strict();

/** Assumed model of the "champs supplémentaires": the real storage is unknown. */
const CustomFieldTablesSchema = z
  .object({
    definitions: z
      .object({
        table: identifier('AC_CFDEF'),
        name: identifier('CFNAME'),
        type: identifier('CFTYPE'),
        length: identifier('CFLENGTH'),
        tab: identifier('CFTAB'),
      })
      .strict()
      .prefault({}),
    values: z
      .object({
        table: identifier('AC_CFVAL'),
        cid: identifier('CID'),
        name: identifier('CFNAME'),
        value: identifier('CFVALUE'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const BobMappingSchema = z
  .object({
    table: identifier('AC_COMPAN'),
    columns: ColumnsSchema.prefault({}),
    /**
     * The String rule of BOB's own columns: these keys' values are cut to the column's width;
     * a value too long for any other column is refused on its row.
     */
    cutToWidth: z.array(ColumnsSchema.keyof()).default([]),
    flags: FlagsSchema.prefault({}),
    widths: WidthsSchema.prefault({}),
    customFields: CustomFieldTablesSchema.prefault({}),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const seen = new Map<string, string>();
    for (const [key, column] of Object.entries(mapping.columns)) {
      if (column === null) continue;
      const upper = column.toUpperCase();
      const other = seen.get(upper);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', key],
          message: `maps to column ${column}, already used by columns.${other}`,
        });
      }
      seen.set(upper, key);
    }
  });

export type BobMappingInput = z.input<typeof BobMappingSchema>;
export type BobMapping = z.output<typeof BobMappingSchema>;

export class BobMappingError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid BOB 50 mapping:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BobMappingError';
  }
}

/** Validates a mapping and fills in the defaults; every problem names its key. */
export function parseBobMapping(input: unknown = {}): BobMapping {
  const result = BobMappingSchema.safeParse(input);
  if (result.success) return result.data;
  throw new BobMappingError(
    result.error.issues.map((issue) => {
      const key = issue.path.map(String).join('.');
      return `${key === '' ? '(mapping)' : key}: ${issue.message}`;
    }),
  );
}

export const DEFAULT_BOB_MAPPING: BobMapping = parseBobMapping({});

/**
 * Canonical fields stored in one column each. `vat` is absent: it is split over the prefix and
 * number columns.
 */
export const SIMPLE_FIELD_COLUMNS: ReadonlyArray<Exclude<CanonicalField, 'vat'> & ColumnKey> = CANONICAL_FIELDS.filter(
  (field): field is Exclude<CanonicalField, 'vat'> => field !== 'vat',
);

/** Every mapped column of the third-party table with its mapping key, unmapped ones left out. */
export function mappedColumns(mapping: BobMapping): Array<{ key: ColumnKey; column: string }> {
  const entries = Object.entries(mapping.columns) as Array<[ColumnKey, string | null]>;
  return entries.flatMap(([key, column]) => (column === null ? [] : [{ key, column }]));
}
