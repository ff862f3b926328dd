/**
 * A dossier's configuration: where its BOB 50 data and its Sage CRM are, and how to sync them.
 * Kept in `dossier.json` in the dossier's folder; secrets come from environment variables or
 * from secrets files, never from dossier.json itself, so that the file can be shared and kept
 * with the audit.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { BobMappingSchema } from './connectors/bob50/mapping';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Where a secret is: an environment variable (`…Env`) or a file holding only the secret
 * (`…File`, relative to the dossier folder, as Docker and systemd hand secrets over).
 */
const secretSource = <E extends string, F extends string>(envKey: E, fileKey: F) =>
  z.object({
    [envKey]: z.string().regex(ENV_NAME, 'must be the name of an environment variable').optional(),
    [fileKey]: z.string().min(1).optional(),
  } as Record<E | F, z.ZodOptional<z.ZodString>>);

function oneSecret(envKey: string, fileKey: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    if (value[envKey] !== undefined && value[fileKey] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [fileKey], message: `give ${envKey} or ${fileKey}, not both` });
    }
  };
}

const BobSqliteSchema = z
  .object({
    kind: z.literal('sqlite'),
    /** Path of the dossier's SQLite file, relative to the dossier folder. */
    file: z.string().min(1),
    /** Overrides of the default column mapping (see connectors/bob50/mapping.ts). */
    mapping: BobMappingSchema.optional(),
  })
  .strict();

const BobMysqlSchema = z
  .object({
    kind: z.literal('mysql'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(3306),
    /** A Unix socket instead of host and port. */
    socketPath: z.string().min(1).optional(),
    database: z.string().regex(/^[A-Za-z0-9_$]+$/, 'must be a plain database name (letters, digits, _ and $)'),
    user: z.string().min(1),
    /** Default: the environment variable BOBSYNC_BOB_PASSWORD. */
    ...secretSource('passwordEnv', 'passwordFile').shape,
    mapping: BobMappingSchema.optional(),
  })
  .strict()
  .superRefine(oneSecret('passwordEnv', 'passwordFile'));

const CrmSimulatorSchema = z
  .object({
    kind: z.literal('simulator'),
    /** The simulator's SQLite file, relative to the dossier folder. */
    file: z.string().min(1),
    user: z.string().min(1),
    password: z.string().min(1),
    latencyMs: z.number().int().nonnegative().default(0),
  })
  .strict();

const CrmRestSchema = z
  .object({
    kind: z.literal('rest'),
    baseUrl: z.string().url(),
    /** Basic authentication; leave out with `sessionIdEnv`. */
    user: z.string().min(1).optional(),
    /** Name of the environment variable that holds the password (default BOBSYNC_CRM_PASSWORD). */
    ...secretSource('passwordEnv', 'passwordFile').shape,
    /** Name of the environment variable holding a session id from the SOAP logon, instead of user and password. */
    sessionIdEnv: z.string().regex(ENV_NAME, 'must be the name of an environment variable').optional(),
    /** PEM file of the CA that signed the IIS certificate, when it is self-signed. */
    caFile: z.string().min(1).optional(),
    bobsyncField: z.string().min(1).default('comp_bobsync'),
    vatField: z.string().min(1).default('comp_vatnumber'),
    languageField: z.string().min(1).default('comp_language'),
    timeoutMs: z.number().int().min(1).optional(),
    maxAttempts: z.number().int().min(1).max(20).optional(),
  })
  .strict()
  .superRefine(oneSecret('passwordEnv', 'passwordFile'))
  .superRefine((crm, ctx) => {
    if (crm.sessionIdEnv !== undefined && (crm.user !== undefined || crm.passwordEnv !== undefined || crm.passwordFile !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['sessionIdEnv'], message: 'give sessionIdEnv or user and password, not both' });
    }
    if (crm.sessionIdEnv === undefined && crm.user === undefined) {
      ctx.addIssue({ code: 'custom', path: ['user'], message: 'is required: a CRM user with web-service rights (or give sessionIdEnv)' });
    }
  });

export const DossierConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _'),
    name: z.string().min(1),
    /** Which side a conflict follows unless the user chooses: BOB 50, by Sage's rule. */
    policy: z.enum(['bob', 'crm']).default('bob'),
    concurrency: z.number().int().min(1).max(64).default(8),
    batchSize: z.number().int().min(1).max(5000).default(500),
    state: z.string().min(1).default('state.sqlite'),
    backups: z.string().min(1).default('backups'),
    bob: z.discriminatedUnion('kind', [BobSqliteSchema, BobMysqlSchema]),
    crm: z.discriminatedUnion('kind', [CrmSimulatorSchema, CrmRestSchema]),
  })
  .strict();
export type DossierConfig = z.infer<typeof DossierConfigSchema>;

export interface LoadedDossier {
  config: DossierConfig;
  /** Folder of the dossier; relative paths in the config are resolved against it. */
  dir: string;
  path: (relative: string) => string;
}

export const DEFAULT_SANDBOX_DIR = join('var', 'sandbox');
export const CONFIG_FILE = 'dossier.json';

/** `sandbox` names the embedded sandbox; anything else is a folder or a dossier.json path. */
export function dossierConfigPath(dossier: string, cwd = process.cwd()): string {
  const target = dossier === 'sandbox' ? DEFAULT_SANDBOX_DIR : dossier;
  const abs = isAbsolute(target) ? target : resolve(cwd, target);
  return abs.endsWith('.json') ? abs : join(abs, CONFIG_FILE);
}

export function loadDossier(dossier: string, cwd = process.cwd()): LoadedDossier {
  const file = dossierConfigPath(dossier, cwd);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const hint = dossier === 'sandbox' ? ' Create the sandbox first: bobsync sandbox init' : '';
    throw new Error(`Cannot read dossier configuration ${file}: ${(error as Error).message}.${hint}`);
  }
  const parsed = DossierConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Dossier configuration ${file} is not valid:\n${lines.join('\n')}`);
  }
  const dir = dirname(file);
  return { config: parsed.data, dir, path: (p) => (isAbsolute(p) ? p : join(dir, p)) };
}

/**
 * The secret a section names, from its environment variable or its file; `key` is where the
 * section sits (`bob`, `crm`), so that a missing secret names the key to fix.
 */
export function readSecret(
  loaded: LoadedDossier,
  key: string,
  source: { env?: string; file?: string; envKey: string; fileKey: string },
  fallbackEnv: string,
): string {
  if (source.file !== undefined) {
    const path = loaded.path(source.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`${key}.${source.fileKey}: cannot read the secrets file ${path}: ${(error as Error).message}`);
    }
    // Files written by editors and `echo` end with a newline that is no part of the secret.
    const secret = text.replace(/\r?\n$/, '');
    if (secret === '') throw new Error(`${key}.${source.fileKey}: the secrets file ${path} is empty`);
    return secret;
  }
  const name = source.env ?? fallbackEnv;
  const secret = process.env[name];
  if (!secret) throw new Error(`${key}.${source.envKey}: set the environment variable ${name} (it is empty or not set)`);
  return secret;
}
