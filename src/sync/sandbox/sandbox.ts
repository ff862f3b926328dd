/**
 * The embedded sandbox: a dossier folder holding a BOB 50 dossier in SQLite, the data of the
 * Sage CRM simulator, and our state store. `initSandbox` makes one as a firm would have it a
 * while after its first synchronisation; `editSandbox` plays another round of users' edits.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, loadDossier, type DossierConfig } from '../config';
import type { BobCustomer } from '../domain/customer';
import { openDossier, type OpenDossier } from '../dossier';
import type { PhaseProgress } from '../engine/context';
import { EngineError } from '../engine/context';
import { mapLimit } from '../util/mapLimit';
import { CrmSimStore, simCompanyFromValues } from './crmsim';
import {
  applyBobEdits,
  generateDossier,
  planEdits,
  writeBobDossier,
  type CrmCustomFieldDef,
  type SandboxCrmCompany,
  type SandboxDossier,
} from './dossier';

export const SANDBOX_CRM_USER = 'bobsync';
/** The simulator only listens on loopback; this password guards nothing real. */
export const SANDBOX_CRM_PASSWORD = 'sandbox';

export const sandboxConfig = (latencyMs = 0): DossierConfig => ({
  id: 'sandbox',
  name: 'Dossier de démonstration',
  policy: 'bob',
  concurrency: 8,
  batchSize: 500,
  state: 'state.sqlite',
  backups: 'backups',
  bob: { kind: 'sqlite', file: 'bob50.sqlite' },
  crm: { kind: 'simulator', file: 'crm.sqlite', user: SANDBOX_CRM_USER, password: SANDBOX_CRM_PASSWORD, latencyMs },
});

/** Writes a dossier folder (configuration, BOB file, CRM simulator data) holding `dossier`. */
export function writeSandboxFiles(dir: string, dossier: SandboxDossier, config = sandboxConfig()): void {
  mkdirSync(dir, { recursive: true });
  writeBobDossier(join(dir, (config.bob as { file: string }).file), dossier);
  const crm = CrmSimStore.open(join(dir, (config.crm as { file: string }).file));
  try {
    seedCrm(crm, dossier.customFieldDefs.crm, dossier.crm);
  } finally {
    crm.close();
  }
  writeFileSync(join(dir, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

function seedCrm(crm: CrmSimStore, fields: readonly CrmCustomFieldDef[], companies: readonly SandboxCrmCompany[]): void {
  for (const f of fields) crm.defineCustomField(f);
  insertCrm(crm, fields, companies);
}

/** Companies entered in CRM by its users, custom check boxes written the CRM way. */
function insertCrm(crm: CrmSimStore, fields: readonly CrmCustomFieldDef[], companies: readonly SandboxCrmCompany[]): void {
  const customTypes = new Map(fields.map((f) => [f.name, f.type]));
  crm.insertCompanies(companies.map((c) => simCompanyFromValues(c.values, { type: c.type, bobsync: c.bobsync, customTypes })));
}

export interface InitOptions {
  dir: string;
  customers: number;
  seed: number;
  force: boolean;
  user: string;
  progress?: PhaseProgress;
}

export interface InitSummary {
  bob: number;
  crm: number;
  links: number;
}

export async function initSandbox(o: InitOptions): Promise<InitSummary & EditSummary> {
  if (existsSync(o.dir) && readdirSync(o.dir).length > 0) {
    // Only a folder that is itself a sandbox may be replaced: --force must never wipe other data.
    if (!o.force || !existsSync(join(o.dir, CONFIG_FILE)) || loadDossier(o.dir).config.id !== 'sandbox') {
      throw new EngineError('sandbox_exists', `${o.dir} already exists${o.force ? ' and is not a sandbox' : ''}.`);
    }
    rmSync(o.dir, { recursive: true });
  }
  const dossier = generateDossier({ customers: o.customers, seed: o.seed });
  writeSandboxFiles(o.dir, dossier);
  const d = await openDossier(loadDossier(o.dir));
  try {
    const links = await firstSynchronisation(d, o.user, o.progress);
    const edits = await edit(d, o.seed + 1);
    return { bob: dossier.bob.length, crm: dossier.crm.length, links, ...edits };
  } finally {
    await d.close();
  }
}

/**
 * The first synchronisation, through the engine like any other: every proposal taken as
 * proposed (matches by VAT, creations), duplicates left blocked.
 */
async function firstSynchronisation(d: OpenDossier, user: string, progress?: PhaseProgress): Promise<number> {
  const pulled = await d.engine.pull(user, progress);
  await d.engine.backup(user);
  const result = await d.engine.apply(
    {
      pullId: pulled.pull.id,
      decisions: pulled.rows.map((r) => ({ key: r.key, version: r.version, never: false, skip: false, reason: '', directions: {} })),
      confirmed: true,
      dryRun: false,
      user,
    },
    progress,
  );
  if (result.problems.length > 0) throw new Error(`First synchronisation refused: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.counts.applied ?? 0;
}

export interface EditSummary extends Record<string, number> {
  bobUpdates: number;
  bobCreates: number;
  bobRemoves: number;
  crmUpdates: number;
  crmCreates: number;
  crmRemoves: number;
  crmUntick: number;
}

export async function editSandbox(o: { dir: string; seed: number }): Promise<EditSummary> {
  const d = await openDossier(loadDossier(o.dir));
  try {
    return await edit(d, o.seed);
  } finally {
    await d.close();
  }
}

/**
 * Users' edits on both sides (about `share` of the customers each): BOB through its connector,
 * CRM as its users would, through the API.
 */
export async function edit(d: OpenDossier, seed: number, share?: number): Promise<EditSummary> {
  const { bob, crm } = d.engine.ctx;
  const sim = d.simulator;
  if (!sim) throw new Error('Only the sandbox dossier can be edited this way.');
  const [bobRecords, crmRecords] = await Promise.all([bob.readAll(), crm.readAll()]);
  const edits = planEdits({ seed, bob: bobRecords as BobCustomer[], crm: crmRecords, share });
  await mapLimit(edits.crm.update, 8, (u) => crm.update(u.id, u.values));
  await applyBobEdits(bob, edits.bob);
  insertCrm(sim.store, (await crm.customFields()).map((f) => ({ name: f.name, type: f.type })), edits.crm.create);
  for (const id of edits.crm.remove) await crm.remove(id);
  for (const id of edits.crm.untick) sim.store.updateCompany(Number(id), { comp_bobsync: false });
  return {
    bobUpdates: edits.bob.update.length,
    bobCreates: edits.bob.create.length,
    bobRemoves: edits.bob.remove.length,
    crmUpdates: edits.crm.update.length,
    crmCreates: edits.crm.create.length,
    crmRemoves: edits.crm.remove.length,
    crmUntick: edits.crm.untick.length,
  };
}
