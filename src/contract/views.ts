/** The global view of associations and the journal of a run, as shown to the user. */
import { z } from 'zod';
import { DirectionSchema, RowStatusSchema } from './pending';

export const IneligibleReasonSchema = z.enum([
  'not_customer',
  'no_vat',
  'invalid_vat',
  'bobsync_off',
  'deleted',
  'missing',
]);
export type IneligibleReason = z.infer<typeof IneligibleReasonSchema>;

/** One customer known to either side, with or without a partner: the "vue globale". */
export const AssociationViewSchema = z.object({
  key: z.string(),
  bobId: z.string().nullable(),
  crmId: z.string().nullable(),
  name: z.string(),
  vat: z.string(),
  state: z.enum(['associated', 'bob_only', 'crm_only']),
  /** Why a side is not eligible, per side; empty when eligible or absent. */
  bobIneligible: z.array(IneligibleReasonSchema),
  crmIneligible: z.array(IneligibleReasonSchema),
  never: z.boolean(),
  neverReason: z.string(),
  neverBy: z.string(),
  neverAt: z.string(),
  lastSyncAt: z.string(),
});
export type AssociationView = z.infer<typeof AssociationViewSchema>;

/** A change of the never-sync flag read back from the Associations sheet. */
export const NeverFlagChangeSchema = z
  .object({ key: z.string(), never: z.boolean(), reason: z.string() })
  .strict();
export type NeverFlagChange = z.infer<typeof NeverFlagChangeSchema>;

/** One written field of one row of a run. */
export const JournalLineSchema = z.object({
  runId: z.string(),
  at: z.string(),
  user: z.string(),
  backupId: z.string(),
  key: z.string(),
  bobId: z.string().nullable(),
  crmId: z.string().nullable(),
  field: z.string(),
  direction: DirectionSchema.nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  status: RowStatusSchema,
  message: z.string(),
});
export type JournalLine = z.infer<typeof JournalLineSchema>;
