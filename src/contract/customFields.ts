/** Settings of one BOB custom field that has a matching CRM field. */
import { z } from 'zod';

export const TransformSchema = z.enum(['none', 'upper', 'lower', 'trim', 'capitalize']);
export type Transform = z.infer<typeof TransformSchema>;

export const ConditionOpSchema = z.enum(['always', 'not_empty', 'equals', 'differs', 'starts_with', 'contains']);
export type ConditionOp = z.infer<typeof ConditionOpSchema>;

export const CustomFieldSettingSchema = z
  .object({
    /** BOB custom field name. */
    bobField: z.string().min(1),
    /** Matching CRM field, e.g. `comp_secteur`. */
    crmField: z.string().min(1),
    type: z.enum(['string', 'number', 'date', 'boolean', 'choice']),
    selected: z.boolean(),
    /** String fields only: values longer than this are cut when written to CRM. */
    maxLength: z.number().int().positive().nullable(),
    transform: TransformSchema,
    condition: ConditionOpSchema,
    /** Operand of equals, differs, starts_with and contains. */
    conditionValue: z.string(),
  })
  .strict();
export type CustomFieldSetting = z.infer<typeof CustomFieldSettingSchema>;
