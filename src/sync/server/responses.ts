/** Store records as the API shows them: without server paths, and with live state where a run is in flight. */
import type { BackupInfo, PullInfo, RunStatus } from '../../contract/api';
import type { RowResult } from '../../contract/pending';
import { summarise } from '../engine/results';
import type { RunHeader } from '../store/runList';
import type { BackupMeta, PullMeta, RunMeta } from '../store/store';
import type { LiveRun } from './liveRuns';

export const pullInfo = (p: PullMeta): PullInfo => ({
  id: p.id,
  dossier: p.dossier,
  createdAt: p.createdAt,
  createdBy: p.createdBy,
  counts: p.counts,
  settings: p.settings,
});

export const backupInfo = (b: BackupMeta): BackupInfo => ({
  id: b.id,
  dossier: b.dossier,
  createdAt: b.createdAt,
  createdBy: b.createdBy,
  sha256: b.sha256,
  bobCount: b.bobCount,
  crmCount: b.crmCount,
});

export function runMetaInfo(run: RunHeader, live: LiveRun | undefined) {
  return {
    runId: run.id,
    dossier: run.dossier,
    kind: run.kind,
    // A run the store says is running, with no apply in flight here, was cut short.
    state: run.state === 'running' && !live ? ('interrupted' as const) : run.state,
    user: run.user,
    pullId: run.pullId,
    backupId: run.backupId,
    undoes: run.undoes,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export function runStatus(run: RunMeta, live: LiveRun | undefined, replayed = false): RunStatus {
  return {
    ...runMetaInfo(run, live),
    counts: summarise((run.result ?? []) as RowResult[]),
    progress: live?.progress ?? null,
    replayed,
  };
}

/** A run accepted by the engine but not recorded yet: it is re-reading the records it will write. */
export function startingRunStatus(live: LiveRun): RunStatus {
  return {
    runId: live.id,
    dossier: live.dossier,
    kind: 'apply',
    state: 'running',
    user: live.request.user,
    pullId: live.request.pullId,
    backupId: live.request.backupId ?? null,
    undoes: null,
    startedAt: live.startedAt,
    finishedAt: null,
    counts: {},
    progress: live.progress,
    replayed: false,
  };
}
