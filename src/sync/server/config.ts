/**
 * The service's configuration file (`bobsync serve --config FILE`): where it listens, how it
 * verifies tokens, which origin may call it, and which dossiers it serves to whom. Relative
 * paths are resolved against the file's folder. Secrets are not kept here: Sage CRM passwords
 * come from the environment (see each dossier.json), the dev signing key lives in `stateDir`.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { RoleSchema } from '../../contract/api';
import { DEFAULT_SANDBOX_DIR } from '../config';

/** `*` (any signed-in user), `user:<name, e-mail or object id>` or `group:<group object id>`. */
const GrantKeySchema = z.string().regex(/^(\*|user:.+|group:.+)$/, 'use "*", "user:<name>" or "group:<id>"');

const DossierEntrySchema = z
  .object({
    /** Must equal the `id` in the dossier's dossier.json. */
    id: z.string().min(1),
    /** The dossier folder (holding dossier.json). */
    path: z.string().min(1),
    grants: z.record(GrantKeySchema, z.array(RoleSchema).min(1)),
  })
  .strict();

const DevAuthSchema = z
  .object({
    mode: z.literal('dev'),
    issuer: z.string().min(1).default('urn:bobsync:dev'),
    audience: z.string().min(1).default('api://bobsync'),
    scope: z.string().min(1).default('access_as_user'),
    tokenMinutes: z.number().int().min(1).max(24 * 60).default(8 * 60),
  })
  .strict();

const EntraAuthSchema = z
  .object({
    mode: z.literal('entra'),
    tenantId: z.guid(),
    /** Application (client) id of the service's app registration. */
    clientId: z.guid(),
    /** The delegated scope the task pane asks for: `api://<clientId>/<scope>`. */
    scope: z.string().min(1).default('access_as_user'),
    /** Default: `https://login.microsoftonline.com/<tenantId>/v2.0`. */
    issuer: z.string().url().optional(),
    /** Default: `https://login.microsoftonline.com/<tenantId>/discovery/v2.0/keys`. */
    jwksUri: z.string().url().optional(),
  })
  .strict();

export const ServiceConfigSchema = z
  .object({
    listen: z
      .object({
        /** Loopback by default: put a TLS reverse proxy in front to serve other machines. */
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(3000),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 3000 }),
    /** The service's own state (the dev signing key). */
    stateDir: z.string().min(1).default('var'),
    auth: z.discriminatedUnion('mode', [DevAuthSchema, EntraAuthSchema]),
    /** The task pane's origin, the only one CORS lets call the API from a browser. */
    allowedOrigin: z.string().url().default('https://localhost:3001'),
    limits: z
      .object({
        bodyBytes: z.number().int().min(1024).default(1 << 20),
        /** Decisions for a whole dossier: about 130 bytes a row. */
        runBodyBytes: z.number().int().min(1024).default(32 << 20),
        /** Requests per user per minute. */
        perUserPerMinute: z.number().int().min(1).default(1200),
      })
      .strict()
      .default({ bodyBytes: 1 << 20, runBodyBytes: 32 << 20, perUserPerMinute: 1200 }),
    log: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
        /** Default: standard output. */
        file: z.string().min(1).optional(),
      })
      .strict()
      .default({ level: 'info' }),
    dossiers: z.array(DossierEntrySchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.dossiers.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dossiers', i, 'id'], message: `dossier "${d.id}" is listed twice` });
      seen.add(d.id);
    });
  });
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;
export type DossierEntry = z.infer<typeof DossierEntrySchema>;
export type AuthConfig = ServiceConfig['auth'];

/** Parses a configuration, naming each wrong key; relative paths are resolved against `baseDir`. */
export function parseServiceConfig(raw: unknown, source: string, baseDir: string): ServiceConfig {
  const parsed = ServiceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Service configuration ${source} is not valid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  return {
    ...c,
    stateDir: abs(c.stateDir),
    log: { ...c.log, file: c.log.file === undefined ? undefined : abs(c.log.file) },
    dossiers: c.dossiers.map((d) => ({ ...d, path: abs(d.path) })),
  };
}

export function loadServiceConfig(file: string): ServiceConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read service configuration ${file}: ${(error as Error).message}`);
  }
  return parseServiceConfig(raw, file, dirname(resolve(file)));
}

/** The embedded default of `bobsync start`: the sandbox, dev sign-in, every role to anyone signed in. */
export function sandboxServiceConfig(cwd: string, port = 3000): ServiceConfig {
  return parseServiceConfig(
    {
      listen: { host: '127.0.0.1', port },
      auth: { mode: 'dev' },
      dossiers: [{ id: 'sandbox', path: DEFAULT_SANDBOX_DIR, grants: { '*': ['Sync.Review', 'Sync.Apply', 'Sync.Admin'] } }],
    },
    'built-in sandbox configuration',
    cwd,
  );
}
