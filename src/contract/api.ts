/**
 * The HTTP API of the sync service (`/api/v1`): every request and response body, shared by the
 * service, its tests and the task pane. The OpenAPI document is generated from `apiSchemas`, so
 * a shape changes here or nowhere. Request bodies are strict: an unknown field is an error.
 */
import { z } from 'zod';
import { CustomFieldSettingSchema } from './customFields';
import { BlockedSchema, PendingRowSchema, ProblemSchema, RowDecisionSchema, RowResultSchema, RowStatusSchema } from './pending';
import { AssociationViewSchema, JournalLineSchema, NeverFlagChangeSchema } from './views';

/** Schemas that appear in the OpenAPI document, under `components.schemas.<id>`. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

apiSchemas.add(PendingRowSchema, { id: 'PendingRow' });
apiSchemas.add(RowDecisionSchema, { id: 'RowDecision' });
apiSchemas.add(RowResultSchema, { id: 'RowResult' });
apiSchemas.add(ProblemSchema, { id: 'Problem', description: 'A problem tied to a row key and, where it applies, a field.' });
apiSchemas.add(CustomFieldSettingSchema, { id: 'CustomFieldSetting' });
apiSchemas.add(AssociationViewSchema, { id: 'AssociationView' });
apiSchemas.add(NeverFlagChangeSchema, { id: 'NeverFlagChange' });
apiSchemas.add(JournalLineSchema, { id: 'JournalLine' });

/** Largest page of rows the service returns. */
export const MAX_PAGE = 5000;

export const RoleSchema = z.enum(['Sync.Review', 'Sync.Apply', 'Sync.Admin']).register(apiSchemas, {
  id: 'Role',
  description: 'Sync.Review: pull, validate, read. Sync.Apply: backup, apply, undo. Sync.Admin: custom fields, flags of others, configuration.',
});
export type Role = z.infer<typeof RoleSchema>;

// --- errors -----------------------------------------------------------------------------------

export const HolderSchema = z
  .object({
    kind: z.enum(['apply', 'undo']),
    user: z.string(),
    /** The run, once the engine gave it an id; an undo gets its id when it finishes. */
    runId: z.string().nullable(),
    since: z.string(),
  })
  .register(apiSchemas, { id: 'Holder', description: 'Who holds the dossier for an apply or an undo.' });
export type Holder = z.infer<typeof HolderSchema>;

export const ProblemDetailsSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    /** Stable, for programs and for the task pane's translations. */
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string(),
    /** Each problem with the row key and field it concerns. */
    problems: z.array(ProblemSchema).optional(),
    holder: HolderSchema.optional(),
  })
  .register(apiSchemas, { id: 'ProblemDetails', description: 'RFC 9457 problem details (application/problem+json).' });
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;

// --- shared parameters ------------------------------------------------------------------------

export const PageQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(1000),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

const page = <T extends z.ZodType>(item: T) =>
  z.object({ offset: z.number().int(), limit: z.number().int(), total: z.number().int(), items: z.array(item) });

const Id = z.string().min(1).max(200);
export const DossierParamsSchema = z.strictObject({ dossier: Id });
export const PullParamsSchema = z.strictObject({ dossier: Id, pullId: Id });
export const RunParamsSchema = z.strictObject({ dossier: Id, runId: Id });
export const CustomerParamsSchema = z.strictObject({ dossier: Id, side: z.enum(['bob', 'crm']), id: Id });

/** No body, or an empty JSON object. */
export const EmptyBodySchema = z.strictObject({}).optional().register(apiSchemas, { id: 'EmptyBody' });

// --- service and dossiers ---------------------------------------------------------------------

export const HealthSchema = z
  .object({ status: z.literal('ok'), service: z.literal('bobsync'), version: z.string(), time: z.string() })
  .register(apiSchemas, { id: 'Health' });

export const DossierSummarySchema = z
  .object({ id: z.string(), name: z.string(), roles: z.array(RoleSchema) })
  .register(apiSchemas, { id: 'DossierSummary', description: 'A dossier and the roles the caller holds on it.' });

export const DossierListSchema = z.object({ dossiers: z.array(DossierSummarySchema) }).register(apiSchemas, { id: 'DossierList' });

export const PullInfoSchema = z
  .object({
    id: z.string(),
    dossier: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    /** rows, bob, crm, conflicts, and one count per row kind. */
    counts: z.record(z.string(), z.number().int()),
    settings: z.array(CustomFieldSettingSchema),
  })
  .register(apiSchemas, { id: 'PullInfo' });
export type PullInfo = z.infer<typeof PullInfoSchema>;

export const BackupInfoSchema = z
  .object({
    id: z.string(),
    dossier: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    sha256: z.string(),
    bobCount: z.number().int(),
    crmCount: z.number().int(),
  })
  .register(apiSchemas, { id: 'BackupInfo' });
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const BackupListSchema = z.object({ backups: z.array(BackupInfoSchema) }).register(apiSchemas, { id: 'BackupList' });

export const DossierDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    roles: z.array(RoleSchema),
    /** Set while an apply or an undo holds the dossier. */
    busy: HolderSchema.nullable(),
    latestPull: PullInfoSchema.omit({ settings: true }).nullable(),
    latestBackup: BackupInfoSchema.nullable(),
  })
  .register(apiSchemas, { id: 'DossierDetail' });

export const DossierConfigurationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    policy: z.enum(['bob', 'crm']),
    concurrency: z.number().int(),
    batchSize: z.number().int(),
    bob: z.object({ kind: z.string() }),
    /** Where the CRM is; its credentials stay on the service and never appear here. */
    crm: z.object({ kind: z.string(), baseUrl: z.string().nullable(), user: z.string() }),
    grants: z.record(z.string(), z.array(RoleSchema)),
  })
  .register(apiSchemas, { id: 'DossierConfiguration' });

// --- pulls and associations -------------------------------------------------------------------

export const RowsPageSchema = page(PendingRowSchema).register(apiSchemas, { id: 'RowsPage' });
export const AssociationsPageSchema = page(AssociationViewSchema).register(apiSchemas, {
  id: 'AssociationsPage',
  description: 'The global view of associations as the pull saw it.',
});

export const NeverFlagsBodySchema = z
  .strictObject({
    /** The pull whose global view lists these customers. */
    pullId: Id,
    changes: z.array(NeverFlagChangeSchema.extend({ reason: z.string().trim().min(1, 'give a reason') }).strict()).min(1).max(MAX_PAGE),
  })
  .register(apiSchemas, { id: 'NeverFlagsBody' });
export type NeverFlagsBody = z.infer<typeof NeverFlagsBodySchema>;

export const NeverFlagStateSchema = z
  .object({
    key: z.string(),
    never: z.boolean(),
    neverBy: z.string(),
    neverAt: z.string(),
    neverReason: z.string(),
  })
  .register(apiSchemas, { id: 'NeverFlagState' });
export type NeverFlagState = z.infer<typeof NeverFlagStateSchema>;

export const NeverFlagsResultSchema = z.object({ updated: z.array(NeverFlagStateSchema) }).register(apiSchemas, { id: 'NeverFlagsResult' });

// --- custom fields ----------------------------------------------------------------------------

export const CustomFieldsSchema = z
  .strictObject({ settings: z.array(CustomFieldSettingSchema) })
  .register(apiSchemas, { id: 'CustomFields' });

// --- runs -------------------------------------------------------------------------------------

export const CreateRunBodySchema = z
  .strictObject({
    pullId: Id,
    decisions: z.array(RowDecisionSchema),
    neverChanges: z.array(NeverFlagChangeSchema).optional(),
    customFields: z.array(CustomFieldSettingSchema).optional(),
    /** Default: the latest backup of the dossier made after the pull. */
    backupId: Id.optional(),
    /** "Les informations de synchronisation sont correctes". */
    confirmed: z.boolean(),
    dryRun: z.boolean(),
  })
  .register(apiSchemas, { id: 'CreateRunBody' });
export type CreateRunBody = z.infer<typeof CreateRunBodySchema>;

const Counts = z.partialRecord(RowStatusSchema, z.number().int());

export const DryRunResultSchema = z
  .object({ dryRun: z.literal(true), counts: Counts, results: z.array(RowResultSchema) })
  .register(apiSchemas, { id: 'DryRunResult', description: 'What each row would become; nothing was written.' });

export const RunProgressSchema = z
  .object({ phase: z.string(), done: z.number().int(), total: z.number().int().nullable() })
  .register(apiSchemas, { id: 'RunProgress', description: 'Server-sent event `progress`.' });
export type RunProgress = z.infer<typeof RunProgressSchema>;

export const RunStatusSchema = z
  .object({
    runId: z.string(),
    dossier: z.string(),
    kind: z.enum(['apply', 'undo']),
    /** `interrupted`: the run stopped before its end (the service stopped, or a system failed); recovery settles it before the next apply or undo, or at the next start. */
    state: z.enum(['running', 'done', 'undone', 'interrupted']),
    user: z.string(),
    pullId: z.string().nullable(),
    backupId: z.string().nullable(),
    undoes: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    counts: Counts,
    progress: RunProgressSchema.nullable(),
    /** True when an Idempotency-Key matched an earlier run, whose status this is. */
    replayed: z.boolean(),
  })
  .register(apiSchemas, { id: 'RunStatus', description: 'Also the data of the server-sent event `end`.' });
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** What POST …/runs answers with 200: a dry run's prediction, or the run an Idempotency-Key already names. */
export const RunAnswerSchema = z.union([DryRunResultSchema, RunStatusSchema]).register(apiSchemas, { id: 'RunAnswer' });

export const RunListSchema = z
  .object({ runs: z.array(RunStatusSchema.omit({ counts: true, progress: true, replayed: true })) })
  .register(apiSchemas, { id: 'RunList' });

export const RowResultsPageSchema = page(RowResultSchema).register(apiSchemas, { id: 'RowResultsPage' });
export const JournalPageSchema = page(JournalLineSchema).register(apiSchemas, { id: 'JournalPage' });

export const UndoBodySchema = z.strictObject({ confirmed: z.boolean() }).register(apiSchemas, { id: 'UndoBody' });

export const AuditQuerySchema = z.strictObject({
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.enum(['fr', 'nl', 'en']).default('fr'),
});

export const AuditExportSchema = z
  .object({
    run: z.object({
      id: z.string(),
      dossier: z.string(),
      kind: z.enum(['apply', 'undo']),
      pullId: z.string().nullable(),
      backupId: z.string().nullable(),
      undoes: z.string().nullable(),
      user: z.string(),
      idempotencyKey: z.string().nullable(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      state: z.enum(['running', 'done', 'undone']),
      decisions: z.unknown(),
      result: z.unknown(),
    }),
    records: z.array(
      z.object({
        seq: z.number().int(),
        dossier: z.string(),
        runId: z.string().nullable(),
        kind: z.string(),
        at: z.string(),
        payload: z.unknown(),
        prevHash: z.string(),
        hash: z.string(),
      }),
    ),
    lines: z.array(JournalLineSchema),
    /** False when any audit record was changed after it was written. */
    chainIntact: z.boolean(),
  })
  .register(apiSchemas, { id: 'AuditExport' });

// --- status of one customer -------------------------------------------------------------------

export const CustomerStatusSchema = z
  .object({
    side: z.enum(['bob', 'crm']),
    id: z.string(),
    /** The pair (or lone record) our store keeps for this customer. */
    association: z.object({ bobId: z.string().nullable(), crmId: z.string().nullable(), lastSyncAt: z.string().nullable() }).nullable(),
    never: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
    latestPullId: z.string().nullable(),
    /** The customer's row in the latest pull, when it has one. */
    pending: z
      .object({
        key: z.string(),
        kind: PendingRowSchema.shape.kind,
        fields: z.array(z.string()),
        conflicts: z.number().int(),
        vat: z.string(),
        blockedReason: z.string(),
        blocked: BlockedSchema.optional(),
      })
      .nullable(),
  })
  .register(apiSchemas, { id: 'CustomerStatus' });
export type CustomerStatus = z.infer<typeof CustomerStatusSchema>;
