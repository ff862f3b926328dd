/** What the custom functions ask the service, through the pane's signed-in client. */
import type { CustomerStatus } from '../contract/api';
import { stringsFor } from '../sheets';
import type { ApiClient } from '../taskpane/api/client';
import { formatDate } from '../taskpane/format';
import type { FunctionServices } from './services';

/** The client and dossier, or an error the cell shows. */
const ready = (services: FunctionServices): { api: ApiClient; dossier: string } => {
  const f = stringsFor(services.locale).addin.functions;
  if (!services.api) throw new Error(f.notSignedIn);
  if (!services.dossier) throw new Error(f.noDossier);
  return { api: services.api, dossier: services.dossier };
};

export const customerStatus = (services: FunctionServices, bobId: string): Promise<CustomerStatus> => {
  const { api, dossier } = ready(services);
  return api.customer(dossier, 'bob', bobId);
};

/** When the dossier's latest pull was made; null before any. */
export const latestPullAt = async (services: FunctionServices): Promise<string | null> => {
  const { api, dossier } = ready(services);
  return (await api.dossier(dossier)).latestPull?.createdAt ?? null;
};

/**
 * Rows of the latest pull still waiting: all of them until a run applies that pull, then those
 * the run did not settle (skipped once, stale, failed, blocked).
 */
export const pendingCount = async (services: FunctionServices): Promise<number> => {
  const { api, dossier } = ready(services);
  const detail = await api.dossier(dossier);
  const pull = detail.latestPull;
  if (!pull) return 0;
  const runs = await api.runs(dossier);
  const applied = runs.filter((r) => r.kind === 'apply' && r.pullId === pull.id && r.state === 'done').at(-1);
  if (!applied) return pull.counts.rows ?? 0;
  const { counts } = await api.run(dossier, applied.runId);
  return (pull.counts.rows ?? 0) - (counts.applied ?? 0) - (counts.never ?? 0);
};

/** When the last synchronisation finished, as the reviewer reads dates. */
export const lastRunText = async (services: FunctionServices): Promise<string> => {
  const { api, dossier } = ready(services);
  const runs = await api.runs(dossier);
  const last = runs.filter((r) => r.kind === 'apply' && r.finishedAt !== null).at(-1);
  return last?.finishedAt ? formatDate(last.finishedAt, services.locale) : stringsFor(services.locale).addin.functions.noRun;
};
