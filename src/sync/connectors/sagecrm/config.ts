/** Settings of the Sage CRM REST client, checked once at start with messages naming the key. */
import { z } from 'zod';

const companyField = (example: string) =>
  z.string().regex(/^comp_[A-Za-z0-9_]+$/, `must be a Company field name such as ${example}`);

export const SageCrmConfigSchema = z.object({
  /** `http(s)://server/sdata/{install}j/sagecrm2/-/` */
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://server/sdata/crmj/sagecrm2/-/' })
    .refine((u) => u.endsWith('/'), "must end with '/', as in http://server/sdata/crmj/sagecrm2/-/"),
  user: z
    .string({ error: 'is required: a CRM user with web-service rights' })
    .min(1, 'is required: a CRM user with web-service rights'),
  password: z.string({ error: 'is required' }),
  /** The check box that puts a company in the synchronisation. */
  bobsyncField: companyField('comp_bobsync').default('comp_bobsync'),
  vatField: companyField('comp_vatnumber').default('comp_vatnumber'),
  languageField: companyField('comp_language').default('comp_language'),
  /** Records asked for per list request; the server may return fewer per page. */
  pageSize: z.number().int().min(1).max(5000).default(100),
  /** Requests in flight at once. */
  concurrency: z.number().int().min(1).max(64).default(8),
  timeoutMs: z.number().int().min(1).default(30_000),
});

export type SageCrmConfigInput = z.input<typeof SageCrmConfigSchema>;
export type SageCrmConfig = z.output<typeof SageCrmConfigSchema>;

/**
 * Validates the settings. Unknown keys are dropped rather than refused, so a dossier's CRM
 * section (which holds more than the client needs) can be passed as it is.
 */
export function parseSageCrmConfig(input: unknown): SageCrmConfig {
  const result = SageCrmConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`);
  throw new Error(`Invalid Sage CRM settings: ${problems.join('; ')}`);
}
