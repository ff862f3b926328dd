/**
 * Never-sync flags changed from the global view outside a run. Every change is checked against
 * the pull that listed the customer before any is written; they are then written together, with
 * an audit record of who changed them and why.
 */
import type { Problem } from '../../contract/pending';
import type { NeverFlagChange } from '../../contract/views';
import type { NeverSync } from '../domain/association';
import { parseRowKey } from '../domain/pending';
import { viewKeysIn } from '../store/pullPages';
import { EngineError, type EngineContext } from './context';

export interface NeverFlagsRequest {
  pullId: string;
  changes: NeverFlagChange[];
  user: string;
  /** Whether the user may change a flag that another user set. */
  mayChangeOthers: boolean;
}

export interface NeverFlagOutcome {
  key: string;
  never: NeverSync | null;
}

export function setNeverFlags(ctx: EngineContext, req: NeverFlagsRequest): { problems: Problem[]; updated: NeverFlagOutcome[] } {
  const pull = ctx.store.pull(req.pullId);
  if (!pull || pull.dossier !== ctx.dossier) throw new EngineError('unknown_pull', `Pull ${req.pullId} does not exist in dossier ${ctx.dossier}.`);
  const listed = viewKeysIn(ctx.store, pull.id, req.changes.map((c) => c.key));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const c of req.changes) {
    if (!listed.has(c.key)) {
      problems.push({ key: c.key, field: null, code: 'unknown_row', message: `${c.key} is not in the global view of pull ${pull.id}.` });
    } else if (seen.has(c.key)) {
      problems.push({ key: c.key, field: null, code: 'duplicate_row', message: `${c.key} is given twice.` });
    } else {
      seen.add(c.key);
      const { bobId, crmId } = parseRowKey(c.key);
      const current = ctx.store.associationsOf(ctx.dossier, bobId, crmId).find((a) => a.never)?.never;
      if (current && current.by !== req.user && !req.mayChangeOthers) {
        problems.push({
          key: c.key,
          field: 'never',
          code: 'flag_of_other_user',
          message: `${current.by} set this flag: only an administrator may change it.`,
        });
      }
    }
  }
  if (problems.length > 0) return { problems, updated: [] };

  const now = ctx.clock();
  const updated = req.changes.map((c) => ({
    key: c.key,
    never: c.never ? { by: req.user, at: now.toISOString(), reason: c.reason } : null,
  }));
  ctx.store.transaction(() => {
    for (const u of updated) {
      const { bobId, crmId } = parseRowKey(u.key);
      ctx.store.setNever(ctx.dossier, bobId, crmId, u.never);
    }
    ctx.store.appendAudit(ctx.dossier, null, 'never_flags', { user: req.user, pull: pull.id, changes: req.changes }, now);
  });
  return { problems: [], updated };
}
