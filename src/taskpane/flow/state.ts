/** What the task pane shows: everything the steps render comes from here. */
import type { RunProgress, RunStatus, PullInfo } from '../../contract/api';
import type { RowStatus } from '../../contract/pending';
import type { Locale } from '../../sheets';
import type { DossierDetail, DossierSummary } from '../api/client';
import type { Account } from '../auth/signIn';
import type { WorkbookLink } from '../excel/workbookLink';
import type { DroppedDecision } from './carryOver';
import type { ProblemLine } from './problemCells';
import type { PullCounts } from './pullCounts';

export type TaskKind = 'signIn' | 'dossier' | 'pull' | 'check' | 'backup' | 'sync' | 'export';

/** The work under way, with its progress bar. */
export interface Task {
  kind: TaskKind;
  label: string;
  /** null: indeterminate. */
  done: number | null;
  total: number | null;
}

export interface Notice {
  intent: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

export interface CheckState {
  /** The request the checks passed, compared again before synchronising. */
  fingerprint: string;
  rows: number;
  counts: Partial<Record<RowStatus, number>>;
  /** Sent again by a retry: the same run comes back, never a second one. */
  idempotencyKey: string;
}

export interface RunState {
  runId: string;
  progress: RunProgress | null;
  status: RunStatus | null;
  /** Following was interrupted (network, sign-in): the run goes on; it can be followed again. */
  lost: boolean;
}

export interface PaneState {
  locale: Locale;
  /** False outside Excel: the pane only says where it opens. */
  inExcel: boolean;
  authMode: 'dev' | 'entra' | null;
  account: Account | null;
  dossiers: DossierSummary[];
  dossier: DossierDetail | null;
  link: WorkbookLink | null;
  /** The workbook's pull, when it belongs to the chosen dossier. */
  linkedPull: PullInfo | null;
  counts: PullCounts | null;
  carried: { count: number; dropped: DroppedDecision[] } | null;
  problems: { lines: ProblemLine[]; total: number } | null;
  check: CheckState | null;
  confirmed: boolean;
  run: RunState | null;
  /** The latest finished run of the dossier, for the audit export. */
  lastRunId: string | null;
  task: Task | null;
  notice: Notice | null;
}

export const initialState = (locale: Locale, inExcel: boolean): PaneState => ({
  locale,
  inExcel,
  authMode: null,
  account: null,
  dossiers: [],
  dossier: null,
  link: null,
  linkedPull: null,
  counts: null,
  carried: null,
  problems: null,
  check: null,
  confirmed: false,
  run: null,
  lastRunId: null,
  task: null,
  notice: null,
});

/** A backup made after the workbook's pull: the service demands one before a run. */
export const backupCoversPull = (state: PaneState): boolean => {
  const backup = state.dossier?.latestBackup;
  const pull = state.linkedPull;
  return backup !== null && backup !== undefined && pull !== null && backup.createdAt > pull.createdAt;
};

export const canApply = (state: PaneState): boolean => state.dossier?.roles.includes('Sync.Apply') ?? false;
