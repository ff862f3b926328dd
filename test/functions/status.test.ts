import type { CustomerStatus } from '../../src/contract/api';
import { SharedLookup, statusText } from '../../src/functions/status';

const base: CustomerStatus = { side: 'bob', id: 'C1', association: null, never: null, latestPullId: 'P1', pending: null };

describe('=BOBSYNC.STATUT', () => {
  it('says where a customer stands', () => {
    expect(statusText(base, 'fr', null)).toBe('C1 : client inconnu du service.');
    const associated = { ...base, association: { bobId: 'C1', crmId: '42', lastSyncAt: '2026-01-01T00:00:00Z' } };
    expect(statusText(associated, 'fr', null)).toBe('Associé au CRM 42 · À jour');
    const pending = { ...associated, pending: { key: 'C1⇄42', kind: 'update' as const, fields: ['city', 'phone'], conflicts: 1, vat: 'BE0411905847', blockedReason: '' } };
    expect(statusText(pending, 'fr', '2026-02-01T00:00:00Z')).toBe('Associé au CRM 42 · En attente : Mise à jour, 2 champ(s), 1 conflit(s)');
    // Synchronised after the latest pull: that pull still lists it, but it is done.
    expect(statusText(pending, 'fr', '2025-12-31T00:00:00Z')).toBe('Associé au CRM 42 · À jour');
    // A row of an older pull has only the English text.
    const older = { key: 'C1⇄', kind: 'duplicate' as const, fields: [], conflicts: 0, vat: 'BE0411905847', blockedReason: 'VAT BE0411905847 is also held by CRM 7.' };
    expect(statusText({ ...base, pending: older }, 'nl', null)).toBe('Niet gekoppeld · Geblokkeerd: VAT BE0411905847 is also held by CRM 7.');
    const duplicate = { ...older, blocked: { others: ['CRM 7'], more: 0, bob: [], crm: [] } };
    expect(statusText({ ...base, pending: duplicate }, 'fr', null)).toBe('Non associé · Bloqué : Le n° de TVA BE0411905847 est aussi celui de CRM 7.');
    const removed = { ...older, key: 'C1⇄42', kind: 'removed' as const, blockedReason: 'CRM: bobsync_off', blocked: { others: [], more: 0, bob: [], crm: ['bobsync_off'] } };
    expect(statusText({ ...associated, pending: removed }, 'fr', null)).toMatch(/^Associé au CRM 42 · Bloqué : CRM : /);
    expect(statusText({ ...associated, pending: removed }, 'fr', null)).not.toContain('bobsync_off');
    expect(statusText({ ...associated, never: { by: 'anne', at: '2026-01-01', reason: 'fermée' } }, 'en', null)).toBe('Never sync (fermée)');
  });
});

describe('SharedLookup', () => {
  it('shares a request in flight, remembers the answer for a while, and forgets on demand', async () => {
    let now = 0;
    const lookup = new SharedLookup<string>({ keepMs: 1000, concurrency: 2, now: () => now });
    let calls = 0;
    const load = async () => `answer ${++calls}`;
    expect(await Promise.all([lookup.get('a', load), lookup.get('a', load)])).toEqual(['answer 1', 'answer 1']);
    now = 999;
    expect(await lookup.get('a', load)).toBe('answer 1');
    now = 1000;
    expect(await lookup.get('a', load)).toBe('answer 2');
    lookup.forget();
    expect(await lookup.get('a', load)).toBe('answer 3');
  });

  it('does not remember a failure', async () => {
    const lookup = new SharedLookup<string>({ keepMs: 1000, concurrency: 1, now: () => 0 });
    await expect(lookup.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await lookup.get('a', async () => 'up')).toBe('up');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const lookup = new SharedLookup<string>({ keepMs: 0, concurrency: 2, now: () => 0 });
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const load = (key: string) => () =>
      new Promise<string>((resolve) => {
        started.push(key);
        release.set(key, () => resolve(key));
      });
    const answers = ['a', 'b', 'c'].map((k) => lookup.get(k, load(k)));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b']);
    release.get('a')!();
    expect(await answers[0]).toBe('a');
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b', 'c']);
    release.get('b')!();
    release.get('c')!();
    expect(await Promise.all(answers)).toEqual(['a', 'b', 'c']);
  });
});
