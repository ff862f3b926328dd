/**
 * Where one customer stands, from our store alone (no call to either system), so that it can
 * answer a sheet full of custom functions: its association, its never-sync flag, and its row in
 * the latest pull.
 */
import type { CustomerStatus } from '../../contract/api';
import type { PendingRow } from '../../contract/pending';
import { rowKey } from '../domain/pending';
import { latestPullId, pullRowOf } from '../store/pullPages';
import type { EngineContext } from './context';

export function customerStatus(ctx: EngineContext, side: 'bob' | 'crm', id: string): CustomerStatus {
  const association = ctx.store.associationsOf(ctx.dossier, side === 'bob' ? id : null, side === 'crm' ? id : null)[0] ?? null;
  const pullId = latestPullId(ctx.store, ctx.dossier);
  const pairKey = association ? rowKey(association.bobId, association.crmId) : null;
  const json = pullId === null ? null : pullRowOf(ctx.store, pullId, side, id, pairKey);
  const row = json === null ? null : (JSON.parse(json) as PendingRow);
  return {
    side,
    id,
    association: association && { bobId: association.bobId, crmId: association.crmId, lastSyncAt: association.lastSyncAt },
    never: association?.never ?? null,
    latestPullId: pullId,
    pending: row && {
      key: row.key,
      kind: row.kind,
      fields: row.changes.map((c) => c.field),
      conflicts: row.changes.filter((c) => c.status === 'conflict').length,
      vat: row.vat,
      blockedReason: row.blockedReason,
      ...(row.blocked ? { blocked: row.blocked } : {}),
    },
  };
}
