/**
 * Splitting rows into writes that fit a request. Excel on the web refuses a request over 5 MB
 * and offers no way to measure a pending batch, so the size is estimated from the JSON the
 * values travel as.
 */

export interface Chunk {
  /** Index of the first row of the chunk. */
  start: number;
  /** Index after the last row. */
  end: number;
  /** Estimated size of the chunk's payload, in bytes. */
  bytes: number;
}

/** Brackets of the outer array. */
const CHUNK_OVERHEAD = 2;
/** The comma between rows. */
const ROW_OVERHEAD = 1;

/** UTF-8 length of a string; the payload travels as UTF-8, where é or → take several bytes. */
const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
};

export const estimateRowBytes = (row: unknown): number => utf8Length(JSON.stringify(row)) + ROW_OVERHEAD;

/**
 * Consecutive chunks covering every row, each as large as the budget allows. A single row over
 * the budget cannot be sent at all: that is an error, not a chunk that will fail later.
 */
export const planChunks = (rows: readonly unknown[], budgetBytes: number): Chunk[] => {
  const chunks: Chunk[] = [];
  let start = 0;
  let bytes = CHUNK_OVERHEAD;
  rows.forEach((row, index) => {
    const size = estimateRowBytes(row);
    if (CHUNK_OVERHEAD + size > budgetBytes) {
      throw new RangeError(`row ${index} needs about ${CHUNK_OVERHEAD + size} bytes, over the budget of ${budgetBytes}`);
    }
    if (bytes + size > budgetBytes) {
      chunks.push({ start, end: index, bytes });
      start = index;
      bytes = CHUNK_OVERHEAD;
    }
    bytes += size;
  });
  if (start < rows.length) chunks.push({ start, end: rows.length, bytes });
  return chunks;
};
