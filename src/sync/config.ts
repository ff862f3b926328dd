/**
 * A dossier's configuration: where its BOB 50 data and its Sage CRM are, and how to sync them.
 * Kept in `dossier.json` in the dossier's folder; secrets come from the environment, never from
 * the file, so that the file can be shared and kept with the audit.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

const BobSqliteSchema = z
  .object({
    kind: z.literal('sqlite'),
    /** Path of the dossier's SQLite file, relative to the dossier folder. */
    file: z.string().min(1),
    /** Overrides of the default column mapping (see connectors/bob50/mapping.ts). */
    mapping: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

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
    user: z.string().min(1),
    /** Name of the environment variable that holds the password. */
    passwordEnv: z.string().min(1).default('BOBSYNC_CRM_PASSWORD'),
    bobsyncField: z.string().min(1).default('comp_bobsync'),
    vatField: z.string().min(1).default('comp_vatnumber'),
  })
  .strict();

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
    bob: BobSqliteSchema,
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
