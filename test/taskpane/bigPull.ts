/** A large, realistic pull for the adapter's tests and benchmarks: deterministic, no randomness. */
import type { PendingRow } from '../../src/contract/pending';
import { FORMULA_LIKE } from '../sheets/fixtures';

const CITIES = ['Liège', 'Bruxelles', 'Namur', 'Gent', 'Antwerpen', 'Mons', 'Leuven', 'Charleroi'];
const LEGAL = ['SA', 'SRL', 'NV', 'BV', 'ASBL', 'SCRL'];

/** `n` pending rows: one in ten has a conflict, one in seven a name a careless writer would turn into a formula. */
export const bigPull = (n: number): PendingRow[] =>
  Array.from({ length: n }, (_, i) => {
    const cid = `C${String(i).padStart(6, '0')}`;
    const crmId = String(100_000 + i);
    const city = CITIES[i % CITIES.length];
    const name = i % 7 === 3 ? FORMULA_LIKE[i % FORMULA_LIKE.length] : `Société ${cid} ${LEGAL[i % LEGAL.length]} — ${city}`;
    const conflict = i % 10 === 0;
    return {
      key: `${cid}⇄${crmId}`,
      version: `v${(i * 2654435761) % 4294967296}`,
      kind: 'update',
      bobId: cid,
      crmId,
      name,
      vat: `BE0${String(400_000_000 + i * 7).slice(0, 9)}`,
      changes: [
        { field: 'city', base: city, bob: `${city} ${i % 3}`, crm: conflict ? `${city} (centre)` : city, status: conflict ? 'conflict' : 'bob>crm', proposed: 'bob>crm' },
      ],
      blockedReason: '',
    };
  });
