/**
 * Reads of a pull by page, for the service: items come back as JSON text (rows as the store
 * holds them, the view's as SQLite builds them), so a page of 5,000 is served without parsing
 * and re-serialising each item, and a pull of 100,000 customers is never loaded whole to serve
 * one page.
 */
import { rowKey } from '../domain/pending';
import { VIEW_JSON } from './migrations';
import type { PullMeta, Store } from './store';

export interface JsonPage {
  total: number;
  /** Each item as stored: a JSON document. */
  items: string[];
}

export function pullRowsPage(store: Store, pull: PullMeta, offset: number, limit: number): JsonPage {
  const items = store.db
    .prepare('SELECT row FROM pull_row WHERE pull_id = ? AND seq >= ? AND seq < ? ORDER BY seq')
    .pluck()
    .all(pull.id, offset, offset + limit) as string[];
  return { total: pull.counts.rows ?? 0, items };
}

export function pullViewPage(store: Store, pullId: string, offset: number, limit: number): JsonPage {
  const total = store.db.prepare('SELECT COUNT(*) FROM pull_view WHERE pull_id = ?').pluck().get(pullId) as number;
  const items = store.db
    .prepare(`SELECT ${VIEW_JSON} FROM pull_view WHERE pull_id = ? AND seq >= ? AND seq < ? ORDER BY seq`)
    .pluck()
    .all(pullId, offset, offset + limit) as string[];
  return { total, items };
}

/** The keys of a pull's global view among `keys`: those a never-sync change may name. */
export function viewKeysIn(store: Store, pullId: string, keys: string[]): Set<string> {
  const found = store.db
    .prepare('SELECT key FROM pull_view WHERE pull_id = ? AND key IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(pullId, JSON.stringify(keys)) as string[];
  return new Set(found);
}

export function latestPullId(store: Store, dossier: string): string | null {
  const id = store.db.prepare('SELECT id FROM pull WHERE dossier = ? ORDER BY created_at DESC, id DESC LIMIT 1').pluck().get(dossier);
  return (id as string | undefined) ?? null;
}

/**
 * The row of a pull that concerns one record. A key is `<CID>⇄<CRM id>`: a BOB record's rows
 * share a key prefix (an index range), a CRM record's a suffix (a scan of the pull, rare: the
 * associated pair is looked up by its full key first).
 */
export function pullRowOf(store: Store, pullId: string, side: 'bob' | 'crm', id: string, pairKey: string | null): string | null {
  if (pairKey !== null) {
    const row = store.db.prepare('SELECT row FROM pull_row WHERE pull_id = ? AND key = ?').pluck().get(pullId, pairKey);
    if (row !== undefined) return row as string;
  }
  const row =
    side === 'bob'
      ? store.db
          .prepare("SELECT row FROM pull_row WHERE pull_id = ? AND key >= ? AND key < ? ORDER BY seq LIMIT 1")
          .pluck()
          .get(pullId, rowKey(id, null), `${rowKey(id, null)}\u{10FFFF}`)
      : store.db
          .prepare("SELECT row FROM pull_row WHERE pull_id = ? AND substr(key, -length(?)) = ? ORDER BY seq LIMIT 1")
          .pluck()
          .get(pullId, rowKey(null, id), rowKey(null, id));
  return (row as string | undefined) ?? null;
}
