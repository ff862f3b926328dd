/**
 * Pending rows, decisions and results: the shapes the engine, the sheets, the CLI and later the
 * service and the task pane all speak. Zod schemas are the truth; types are inferred from them.
 */
import { z } from 'zod';

export const DirectionSchema = z.enum(['bob>crm', 'crm>bob']);
export type Direction = z.infer<typeof DirectionSchema>;

/**
 * What a pending row proposes.
 * - update: an associated pair where fields changed since the last synchronisation;
 * - link: an unassociated pair matched by VAT number (first synchronisation of that customer);
 * - create_crm / create_bob: an eligible record with no match on the other side;
 * - duplicate: several eligible matches by VAT on the other side, blocked until resolved;
 * - removed: an associated record deleted or no longer eligible on one side, shown for review.
 */
export const RowKindSchema = z.enum(['update', 'link', 'create_crm', 'create_bob', 'duplicate', 'removed']);
export type RowKind = z.infer<typeof RowKindSchema>;

/**
 * One field of a pending row.
 * status: which side changed since the base, `converged` when both changed to the same value
 * (the base moves, nothing is written), `conflict` when both changed differently.
 */
export const FieldChangeSchema = z.object({
  field: z.string(),
  base: z.string().nullable(),
  bob: z.string().nullable(),
  crm: z.string().nullable(),
  status: z.enum(['bob>crm', 'crm>bob', 'converged', 'conflict']),
  /** For a conflict, the direction the dossier's policy proposes; otherwise the status's direction. */
  proposed: DirectionSchema.nullable(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/**
 * Why a row is blocked, without words, so that each reader (sheet, task pane) says it in its
 * own language; `blockedReason` says the same in English for logs and the API.
 */
export const BlockedSchema = z.object({
  /** Duplicates: the other records holding the VAT number (`BOB <code>`, `CRM <id>`), ten at most. */
  others: z.array(z.string()),
  /** Duplicates: how many more hold it beyond `others`. */
  more: z.number().int().nonnegative(),
  /** Removed: why each side no longer takes part (ineligibility codes, see views.ts). */
  bob: z.array(z.string()),
  crm: z.array(z.string()),
});
export type Blocked = z.infer<typeof BlockedSchema>;

export const PendingRowSchema = z.object({
  /** Stable key of the row within a pull: `<CID>⇄<CRM id>`, a side left empty when absent. */
  key: z.string(),
  /** Hash of both sides' values at pull time: the stale guard. */
  version: z.string(),
  kind: RowKindSchema,
  bobId: z.string().nullable(),
  crmId: z.string().nullable(),
  name: z.string(),
  vat: z.string(),
  changes: z.array(FieldChangeSchema),
  /** Why the row cannot be applied as is (duplicates, removals), in English; empty when it can. */
  blockedReason: z.string(),
  blocked: BlockedSchema.optional(),
});
export type PendingRow = z.infer<typeof PendingRowSchema>;

export const RowDecisionSchema = z
  .object({
    key: z.string(),
    version: z.string(),
    never: z.boolean(),
    skip: z.boolean(),
    reason: z.string(),
    /** Chosen direction per conflicting field; absent fields take the proposed direction. */
    directions: z.record(z.string(), DirectionSchema),
  })
  .strict();
export type RowDecision = z.infer<typeof RowDecisionSchema>;

export const RowStatusSchema = z.enum([
  'applied',
  'skipped',
  'never',
  'stale',
  'failed',
  'blocked',
  'would_apply',
]);
export type RowStatus = z.infer<typeof RowStatusSchema>;

export const RowResultSchema = z.object({
  key: z.string(),
  status: RowStatusSchema,
  message: z.string(),
  bobId: z.string().nullable(),
  crmId: z.string().nullable(),
  written: z.array(
    z.object({
      field: z.string(),
      direction: DirectionSchema,
      before: z.string().nullable(),
      after: z.string(),
    }),
  ),
});
export type RowResult = z.infer<typeof RowResultSchema>;

/** A problem found by validation, tied to a row key and, where it applies, a field. */
export const ProblemSchema = z.object({
  key: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  /** A1 address of the cell, when the problem comes from a sheet. */
  cell: z.string().optional(),
  sheet: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
