/**
 * The write journal. Every row a run writes goes through these states, each committed to the
 * store before the next step starts:
 *
 *   intent ──BOB write──▶ bob_done ──CRM write──▶ crm_done ──base moved──▶ done
 *      └───────────── a write fails: what was written is put back ──▶ abandoned
 *
 * An entry carries the pre- and post-image of every field it writes, so after a crash recovery
 * can look at what each system holds now and tell, per side, whether the write happened. It then
 * finishes the entry or puts back what was written: a row is never left half-applied, and a
 * write is never made twice because the images say it is already there.
 */
import type { Direction } from '../../contract/pending';
import type { Association } from '../domain/association';
import type { Values } from '../domain/customer';
import type { BobConnector, CrmConnector } from '../domain/ports';
import type { AssociationWrite, Store } from '../store/store';
import { mapLimit } from '../util/mapLimit';
import { holds, movedFrom } from './images';

export type BobOp =
  | { op: 'update'; cid: string; pre: Values; post: Values }
  | { op: 'create'; cid: string; post: Values }
  | { op: 'remove'; cid: string; pre: Values };

export type CrmOp =
  | { op: 'update'; id: string; pre: Values; post: Values }
  /**
   * `id` is null until the company exists; recovery then finds it by its VAT number among the
   * companies that were not there at intent time (`existing`).
   */
  | { op: 'create'; id: string | null; post: Values; existing: string[] }
  | { op: 'remove'; id: string; pre: Values };

export interface Written {
  field: string;
  direction: Direction;
  before: string | null;
  after: string;
}

export interface JournalEntry {
  key: string;
  bobId: string | null;
  crmId: string | null;
  bob: BobOp | null;
  crm: CrmOp | null;
  /** Associations replaced when the entry completes: those removed, as they were, and the new ones. */
  assoc: { remove: Association[]; insert: AssociationWrite[] };
  writes: Written[];
}

export type JournalState = 'intent' | 'bob_done' | 'crm_done' | 'done' | 'abandoned';
export const OPEN_STATES: readonly JournalState[] = ['intent', 'bob_done', 'crm_done'];

export interface EntryOutcome {
  status: 'applied' | 'failed';
  message: string;
  bobId: string | null;
  crmId: string | null;
}

/** Points between journal steps where a test can stop the process or throw. */
export type Step = 'intent' | 'bob_write' | 'bob_done' | 'crm_write' | 'crm_done' | 'done';
export interface Faults {
  at(step: Step, key: string): void;
}

export interface JournalContext {
  store: Store;
  dossier: string;
  bob: BobConnector;
  crm: CrmConnector;
  concurrency: number;
  clock: () => Date;
  faults?: Faults;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

// --- executing a batch of entries -------------------------------------------------------------

/**
 * Writes a batch: intents, then the BOB side in transactions, then the CRM side with bounded
 * concurrency, then the bases. Returns the outcome of each entry by key.
 */
export async function executeBatch(
  ctx: JournalContext,
  runId: string,
  seqStart: number,
  entries: JournalEntry[],
): Promise<Map<string, EntryOutcome>> {
  const { store } = ctx;
  const outcomes = new Map<string, EntryOutcome>();
  store.addJournalEntries(
    runId,
    entries.map((entry, i) => ({ seq: seqStart + i, key: entry.key, state: 'intent', entry })),
    ctx.clock(),
  );
  for (const e of entries) ctx.faults?.at('intent', e.key);

  const bobFailures = await writeBobBatch(ctx.bob, entries);
  for (const e of entries) ctx.faults?.at('bob_write', e.key);
  const writtenOnBob = entries.filter((e) => !bobFailures.has(e.key));
  store.transaction(() => {
    for (const e of entries) {
      const failure = bobFailures.get(e.key);
      if (failure !== undefined) {
        const outcome = failed(e, `BOB 50 refused the write: ${failure}`);
        store.setJournalState(runId, e.key, 'abandoned', ctx.clock(), undefined, outcome);
        outcomes.set(e.key, outcome);
      } else {
        store.setJournalState(runId, e.key, 'bob_done', ctx.clock());
      }
    }
  });
  for (const e of writtenOnBob) ctx.faults?.at('bob_done', e.key);

  const complete: JournalEntry[] = [];
  await mapLimit(writtenOnBob, ctx.concurrency, async (e) => {
    const result = await writeCrm(ctx.crm, e);
    if (result.ok) {
      ctx.faults?.at('crm_write', e.key);
      store.setJournalState(runId, e.key, 'crm_done', ctx.clock(), result.entry);
      ctx.faults?.at('crm_done', e.key);
      complete.push(result.entry);
      return;
    }
    outcomes.set(e.key, await settleFailure(ctx, runId, e, `Sage CRM refused the write: ${result.error}`));
  });

  finalize(ctx, runId, complete, 'applied', '');
  for (const e of complete) {
    outcomes.set(e.key, applied(e, ''));
    ctx.faults?.at('done', e.key);
  }
  return outcomes;
}

/** Updates, creations and removals each go in one transaction; a failed batch is retried row by row to find the culprit. */
async function writeBobBatch(bob: BobConnector, entries: JournalEntry[]): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  const byOp = <K extends BobOp['op']>(op: K) =>
    entries.filter((e): e is JournalEntry & { bob: Extract<BobOp, { op: K }> } => e.bob?.op === op);
  const groups: Array<[JournalEntry[], (es: JournalEntry[]) => Promise<void>]> = [
    [byOp('update'), (es) => bob.update(es.map((e) => bobUpdateOf(e.bob as Extract<BobOp, { op: 'update' }>)))],
    [byOp('create'), (es) => bob.create(es.map((e) => ({ cid: e.bob!.cid, values: (e.bob as Extract<BobOp, { op: 'create' }>).post })))],
    [byOp('remove'), (es) => bob.remove(es.map((e) => e.bob!.cid))],
  ];
  for (const [group, write] of groups) {
    if (group.length === 0) continue;
    try {
      await write(group);
    } catch (batchError) {
      if (group.length === 1) {
        failures.set(group[0].key, errorText(batchError));
        continue;
      }
      for (const e of group) {
        try {
          await write([e]);
        } catch (rowError) {
          failures.set(e.key, errorText(rowError));
        }
      }
    }
  }
  return failures;
}

const bobUpdateOf = (op: Extract<BobOp, { op: 'update' }>) => ({ cid: op.cid, values: op.post });

type CrmWrite = { ok: true; entry: JournalEntry } | { ok: false; error: string };

async function writeCrm(crm: CrmConnector, e: JournalEntry): Promise<CrmWrite> {
  const op = e.crm;
  try {
    if (op === null) return { ok: true, entry: e };
    switch (op.op) {
      case 'update':
        await crm.update(op.id, op.post);
        return { ok: true, entry: e };
      case 'create': {
        const id = await crm.create(op.post);
        return { ok: true, entry: withCrmId(e, id) };
      }
      case 'remove':
        await crm.remove(op.id);
        return { ok: true, entry: e };
    }
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/** Records the id of a company the entry created, in the op and in the association it will write. */
function withCrmId(e: JournalEntry, id: string): JournalEntry {
  return {
    ...e,
    crmId: id,
    crm: e.crm && e.crm.op === 'create' ? { ...e.crm, id } : e.crm,
    assoc: { ...e.assoc, insert: e.assoc.insert.map((a) => ({ ...a, crmId: a.crmId ?? id })) },
  };
}

function finalize(ctx: JournalContext, runId: string, entries: JournalEntry[], status: EntryOutcome['status'], message: string): void {
  ctx.store.transaction(() => {
    for (const e of entries) {
      ctx.store.replaceAssociations(ctx.dossier, e.assoc.remove, null);
      for (const a of e.assoc.insert) ctx.store.insertAssociation(ctx.dossier, a);
      ctx.store.setJournalState(runId, e.key, 'done', ctx.clock(), e, outcomeOf(e, status, message));
    }
  });
}

const outcomeOf = (e: JournalEntry, status: EntryOutcome['status'], message: string): EntryOutcome => ({
  status,
  message,
  bobId: e.bobId,
  crmId: e.crmId,
});
const applied = (e: JournalEntry, message: string) => outcomeOf(e, 'applied', message);
const failed = (e: JournalEntry, message: string) => outcomeOf(e, 'failed', message);

// --- inverse operations (putting back, and undo) ----------------------------------------------

export function inverseBob(op: BobOp): BobOp {
  switch (op.op) {
    case 'update':
      return { op: 'update', cid: op.cid, pre: op.post, post: op.pre };
    case 'create':
      return { op: 'remove', cid: op.cid, pre: op.post };
    case 'remove':
      return { op: 'create', cid: op.cid, post: op.pre };
  }
}

export function inverseCrm(op: CrmOp): CrmOp {
  switch (op.op) {
    case 'update':
      return { op: 'update', id: op.id, pre: op.post, post: op.pre };
    case 'create':
      if (op.id === null) throw new Error('the CRM company was never created');
      return { op: 'remove', id: op.id, pre: op.post };
    case 'remove':
      throw new Error(`Sage CRM company ${op.id} was deleted; its deletion cannot be reversed through the API`);
  }
}

async function runBobOp(bob: BobConnector, op: BobOp): Promise<void> {
  switch (op.op) {
    case 'update':
      return bob.update([bobUpdateOf(op)]);
    case 'create':
      return bob.create([{ cid: op.cid, values: op.post }]);
    case 'remove':
      return bob.remove([op.cid]);
  }
}

// --- recovery ---------------------------------------------------------------------------------

/** Where one side of an entry stands: its write made, not made, half made, or overtaken by someone else. */
type SideState = 'none' | 'written' | 'unwritten' | 'partial' | 'foreign';

function compare(current: Values | undefined, pre: Values | null, post: Values): SideState {
  if (current === undefined) return 'foreign';
  if (holds(current, post)) return 'written';
  if (pre !== null && holds(current, pre)) return 'unwritten';
  // Each field holds one image or the other: the write stopped half-way.
  const mixed = pre !== null && movedFrom(current, post).every((f) => holds(current, { [f]: pre[f] }));
  return mixed ? 'partial' : 'foreign';
}

async function probeBob(bob: BobConnector, op: BobOp | null): Promise<SideState> {
  if (op === null) return 'none';
  const current = (await bob.readMany([op.cid])).get(op.cid)?.values;
  switch (op.op) {
    case 'update':
      return compare(current, op.pre, op.post);
    case 'create':
      return current === undefined ? 'unwritten' : holds(current, op.post) ? 'written' : 'foreign';
    case 'remove':
      return current === undefined ? 'written' : 'unwritten';
  }
}

async function probeCrm(crm: CrmConnector, op: CrmOp | null): Promise<{ state: SideState; createdId?: string }> {
  if (op === null) return { state: 'none' };
  switch (op.op) {
    case 'update': {
      const current = (await crm.readMany([op.id])).get(op.id);
      return { state: compare(current?.deleted ? undefined : current?.values, op.pre, op.post) };
    }
    case 'create': {
      if (op.id !== null) return { state: 'written', createdId: op.id };
      const ours = (await crm.findByVat(op.post.vat ?? '')).filter((c) => !c.deleted && !op.existing.includes(c.id));
      if (ours.length === 0) return { state: 'unwritten' };
      if (ours.length > 1) return { state: 'foreign' };
      return { state: holds(ours[0].values, op.post) ? 'written' : 'partial', createdId: ours[0].id };
    }
    case 'remove': {
      const current = (await crm.readMany([op.id])).get(op.id);
      return { state: current === undefined || current.deleted ? 'written' : 'unwritten' };
    }
  }
}

const done = (s: SideState) => s === 'none' || s === 'written';

/**
 * Settles one open entry after a crash: finishes it when each side either holds the post-image
 * or can be brought there, otherwise puts back what was written. Returns its outcome.
 */
export async function recoverEntry(ctx: JournalContext, runId: string, entry: JournalEntry): Promise<EntryOutcome> {
  const bobState = await probeBob(ctx.bob, entry.bob);
  const crmProbe = await probeCrm(ctx.crm, entry.crm);
  let e = crmProbe.createdId !== undefined ? withCrmId(entry, crmProbe.createdId) : entry;

  if (bobState === 'foreign' || crmProbe.state === 'foreign') {
    const reason = 'changed by someone else while the run was interrupted';
    return abandonAfterPuttingBack(ctx, runId, e, bobState, crmProbe.state, reason);
  }
  try {
    if (!done(bobState) && e.bob) await runBobOp(ctx.bob, e.bob);
    if (!done(crmProbe.state) && e.crm) {
      const result = await writeCrm(ctx.crm, e);
      if (!result.ok) throw new Error(result.error);
      e = result.entry;
    }
  } catch (error) {
    return settleFailure(ctx, runId, e, `could not be completed after an interruption (${errorText(error)})`);
  }
  finalize(ctx, runId, [e], 'applied', 'completed after an interruption');
  return applied(e, 'completed after an interruption');
}

/** A write failed part-way: looks at both sides again and puts back whatever of the entry they hold. */
async function settleFailure(ctx: JournalContext, runId: string, entry: JournalEntry, reason: string): Promise<EntryOutcome> {
  const bobState = await probeBob(ctx.bob, entry.bob);
  const crmProbe = await probeCrm(ctx.crm, entry.crm);
  const e = crmProbe.createdId !== undefined ? withCrmId(entry, crmProbe.createdId) : entry;
  return abandonAfterPuttingBack(ctx, runId, e, bobState, crmProbe.state, reason);
}

async function abandonAfterPuttingBack(
  ctx: JournalContext,
  runId: string,
  e: JournalEntry,
  bobState: SideState,
  crmState: SideState,
  reason: string,
): Promise<EntryOutcome> {
  try {
    // Only a side that holds (part of) our write is put back; a foreign value is left alone.
    if (e.crm && (crmState === 'written' || crmState === 'partial')) await runCrmOp(ctx.crm, inverseCrm(e.crm));
    if (e.bob && (bobState === 'written' || bobState === 'partial')) await runBobOp(ctx.bob, inverseBob(e.bob));
  } catch (error) {
    // Left open on purpose: the next recovery looks at both sides again and retries.
    const outcome = failed(e, `${reason}; putting back failed (${errorText(error)}): recovery will retry at the next start`);
    ctx.store.setJournalState(runId, e.key, 'intent', ctx.clock(), e, outcome);
    return outcome;
  }
  const outcome = failed(e, `${reason}; nothing was changed`);
  ctx.store.setJournalState(runId, e.key, 'abandoned', ctx.clock(), e, outcome);
  return outcome;
}

async function runCrmOp(crm: CrmConnector, op: CrmOp): Promise<void> {
  const result = await writeCrm(crm, { key: '', bobId: null, crmId: null, bob: null, crm: op, assoc: { remove: [], insert: [] }, writes: [] });
  if (!result.ok) throw new Error(result.error);
}
