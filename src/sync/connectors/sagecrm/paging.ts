/**
 * Reads a whole list (`startIndex`/`count` paging, 1-based) of companies, addresses, phones or
 * e-mails. The first page comes alone: it tells the total and the page size the server really
 * serves ($itemsPerPage: servers cut large pages without an error). The remaining pages are then
 * fetched concurrently.
 *
 * Lists are ordered by id, so records created meanwhile land after the pages already planned,
 * and a record that enters the filtered set meanwhile (an update during an incremental pull)
 * only shifts later rows: a row may then come twice, never be skipped, and the copies are
 * merged by id.
 */
import type { Progress } from '../../domain/ports';
import { CrmError } from './errors';
import { mapLimit } from '../../util/mapLimit';

export interface PageOf<R> {
  $totalResults: number;
  $itemsPerPage?: number;
  $resources: R[];
}

export type FetchPage<R> = (startIndex: number, count: number) => Promise<PageOf<R>>;

export interface PagingOptions {
  pageSize: number;
  concurrency: number;
  onProgress?: Progress;
}

/**
 * Hands each stretch of records to `each` as it arrives, in arrival order (not list order), with
 * the 1-based index of its first record. A record read twice is handed over twice.
 */
export async function eachPage<R>(
  fetchPage: FetchPage<R>,
  opts: PagingOptions,
  each: (records: R[], start: number) => void,
): Promise<void> {
  const first = await fetchPage(1, opts.pageSize);
  const total = first.$totalResults;
  const served = first.$resources.length;
  if (served === 0 && total > 0) {
    throw new CrmError('protocol', 200, `Sage CRM reported ${total} records but sent none on the first page`);
  }
  const step = Math.min(opts.pageSize, first.$itemsPerPage || served || opts.pageSize);
  const starts: number[] = [];
  for (let start = served + 1; start <= total; start += step) starts.push(start);

  let done = served;
  each(first.$resources, 1);
  opts.onProgress?.(done, total);
  await mapLimit(starts, opts.concurrency, async (start) => {
    const records = await readRange(fetchPage, start, Math.min(step, total - start + 1));
    done += records.length;
    each(records, start);
    opts.onProgress?.(done, total);
  });
}

/** The whole list in list order, copies read twice merged by `key` (the later in the list wins). */
export async function readPages<R>(
  fetchPage: FetchPage<R>,
  opts: PagingOptions & { key: (record: R) => string },
): Promise<R[]> {
  const stretches: Array<{ start: number; records: R[] }> = [];
  await eachPage(fetchPage, opts, (records, start) => stretches.push({ start, records }));
  stretches.sort((a, b) => a.start - b.start);
  const byId = new Map<string, R>();
  for (const { records } of stretches) for (const record of records) byId.set(opts.key(record), record);
  return [...byId.values()];
}

/** Rows start..start+count-1, in as many requests as the server's page size needs. */
async function readRange<R>(fetchPage: FetchPage<R>, start: number, count: number): Promise<R[]> {
  const records: R[] = [];
  while (records.length < count) {
    const page = await fetchPage(start + records.length, count - records.length);
    // An empty page: the list got shorter while it was read; there is nothing more here.
    if (page.$resources.length === 0) break;
    records.push(...page.$resources.slice(0, count - records.length));
  }
  return records;
}
