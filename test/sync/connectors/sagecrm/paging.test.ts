import { readPages, type FetchPage } from '../../../../src/sync/connectors/sagecrm/paging';
import type { CompanyRecord } from '../../../../src/sync/connectors/sagecrm/wire';

const records = (n: number): CompanyRecord[] => Array.from({ length: n }, (_, i) => ({ comp_companyid: i + 1 }));

/** A server over `rows` that serves at most `cap(startIndex)` rows per page and says `itemsPerPage`. */
function server(rows: () => CompanyRecord[], cap: (startIndex: number) => number, itemsPerPage: number) {
  const calls: Array<[number, number]> = [];
  const fetchPage: FetchPage<CompanyRecord> = async (startIndex, count) => {
    calls.push([startIndex, count]);
    const all = rows();
    const n = Math.min(count, cap(startIndex));
    return {
      $totalResults: all.length,
      $startIndex: startIndex,
      $itemsPerPage: itemsPerPage,
      $resources: all.slice(startIndex - 1, startIndex - 1 + n),
    };
  };
  return { fetchPage, calls };
}

const ids = (list: CompanyRecord[]) => list.map((r) => r.comp_companyid);
const key = (r: CompanyRecord) => String(r.comp_companyid);

describe('readPages', () => {
  test('follows $itemsPerPage when the server serves less than asked', async () => {
    const { fetchPage, calls } = server(() => records(10), () => 3, 3);
    const read = await readPages(fetchPage, { pageSize: 100, concurrency: 4, key });
    expect(ids(read)).toEqual(ids(records(10)));
    expect(calls).toHaveLength(4);
  });

  test('fills a gap when a later page is cut shorter than the first one', async () => {
    const { fetchPage, calls } = server(() => records(12), (start) => (start === 5 ? 2 : 4), 4);
    const read = await readPages(fetchPage, { pageSize: 4, concurrency: 2, key });
    expect(ids(read)).toEqual(ids(records(12)));
    expect(calls).toContainEqual([7, 2]);
  });

  test('stops at an empty page when the list got shorter while being read', async () => {
    let rows = records(9);
    const { fetchPage } = server(() => rows, () => 3, 3);
    const shrinking: FetchPage<CompanyRecord> = async (start, count) => {
      const page = await fetchPage(start, count);
      rows = records(4);
      return page;
    };
    const read = await readPages(shrinking, { pageSize: 3, concurrency: 1, key });
    expect(ids(read)).toEqual([1, 2, 3, 4]);
  });

  test('merges a row that came twice because rows were inserted before it while reading', async () => {
    const pages = new Map<number, number[]>([
      [1, [1, 2]],
      [3, [2, 3]],
      [5, [5]],
    ]);
    const fetchPage: FetchPage<CompanyRecord> = async (start) => ({
      $totalResults: 5,
      $itemsPerPage: 2,
      $resources: (pages.get(start) ?? []).map((id) => ({ comp_companyid: id })),
    });
    expect(ids(await readPages(fetchPage, { pageSize: 2, concurrency: 2, key }))).toEqual([1, 2, 3, 5]);
  });

  test('a first page that is empty while the total is not is a protocol error', async () => {
    const fetchPage: FetchPage<CompanyRecord> = async () => ({ $totalResults: 3, $itemsPerPage: 10, $resources: [] });
    await expect(readPages(fetchPage, { pageSize: 10, concurrency: 1, key })).rejects.toMatchObject({ kind: 'protocol' });
  });

  test('the first failing page fails the read, and no page starts after it', async () => {
    const started: number[] = [];
    const fetchPage: FetchPage<CompanyRecord> = async (start) => {
      started.push(start);
      if (start === 3) throw new Error('boom');
      return { $totalResults: 20, $itemsPerPage: 2, $resources: records(20).slice(start - 1, start + 1) };
    };
    await expect(readPages(fetchPage, { pageSize: 2, concurrency: 1, key })).rejects.toThrow('boom');
    expect(started).toEqual([1, 3]);
  });
});
