/** Settings of the Sage CRM REST client, checked once at start with messages naming the key. */
import { z } from 'zod';

const companyField = (example: string) =>
  z.string().regex(/^comp_[A-Za-z0-9_]+$/, `must be a Company field name such as ${example}`);

export const SageCrmConfigSchema = z
  .object({
    /** `http(s)://server/sdata/{install}j/sagecrm2/-/` */
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://server/sdata/crmj/sagecrm2/-/' })
      .refine((u) => u.endsWith('/'), "must end with '/', as in http://server/sdata/crmj/sagecrm2/-/"),
    /** Basic authentication: a CRM user with web-service rights and its password. */
    user: z.string().min(1, 'must not be empty: a CRM user with web-service rights').optional(),
    password: z.string().optional(),
    /**
     * A session id from the SOAP `logon` (sent as `SID=`), instead of user and password. It
     * ends with the CRM session, so it suits short runs started by someone already signed in.
     */
    sessionId: z.string().regex(/^\d+$/, 'must be the digits the SOAP logon returns').optional(),
    /** PEM certificate(s) to trust besides the system's: the CA of a self-signed IIS certificate. */
    ca: z.string().includes('-----BEGIN CERTIFICATE-----', { error: 'must hold a PEM certificate' }).optional(),
    /** The check box that puts a company in the synchronisation. */
    bobsyncField: companyField('comp_bobsync').default('comp_bobsync'),
    vatField: companyField('comp_vatnumber').default('comp_vatnumber'),
    languageField: companyField('comp_language').default('comp_language'),
    /** Records asked for per list request; the server may return fewer per page. */
    pageSize: z.number().int().min(1).max(5000).default(100),
    /** Requests in flight at once, and connections kept open to the server. */
    concurrency: z.number().int().min(1).max(64).default(8),
    /** For one attempt of one request, from sending to the last byte of the answer. */
    timeoutMs: z.number().int().min(1).default(30_000),
    /** Attempts of one request, the first included, on failures that may pass (network, 429, 5xx). */
    maxAttempts: z.number().int().min(1).max(20).default(5),
    /** First back-off delay; each further one doubles, up to `retryMaxMs`, with full jitter. */
    retryBaseMs: z.number().int().min(0).default(200),
    retryMaxMs: z.number().int().min(0).default(10_000),
    /**
     * How far before the last watermark a change query starts again: a write stamped just
     * before it may commit after it was read (a long transaction, another web server's clock).
     */
    changeOverlapMs: z.number().int().min(0).default(120_000),
  })
  .superRefine((config, ctx) => {
    if (config.sessionId !== undefined) {
      if (config.user !== undefined || config.password !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sessionId'], message: 'give either sessionId or user and password, not both' });
      }
      return;
    }
    if (config.user === undefined) {
      ctx.addIssue({ code: 'custom', path: ['user'], message: 'is required: a CRM user with web-service rights (or give sessionId)' });
    }
    if (config.password === undefined) ctx.addIssue({ code: 'custom', path: ['password'], message: 'is required' });
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
