import fc from 'fast-check';
import { type CellValue, estimateRowBytes, planChunks } from '../../src/sheets';

const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null));
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 60 });

describe('planChunks', () => {
  it('covers every row once, in order, each chunk under the budget and none needlessly split', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 700, max: 4000 }), (values: CellValue[][], budget) => {
        const chunks = planChunks(values, budget);
        let next = 0;
        for (const [i, chunk] of chunks.entries()) {
          expect(chunk.start).toBe(next);
          expect(chunk.end).toBeGreaterThan(chunk.start);
          expect(chunk.bytes).toBeLessThanOrEqual(budget);
          expect(chunk.bytes).toBe(2 + values.slice(chunk.start, chunk.end).reduce((n, r) => n + estimateRowBytes(r), 0));
          const following = chunks[i + 1];
          if (following) expect(chunk.bytes + estimateRowBytes(values[following.start])).toBeGreaterThan(budget);
          next = chunk.end;
        }
        expect(next).toBe(values.length);
      }),
    );
  });

  it('counts the bytes of non-ASCII text as UTF-8', () => {
    expect(estimateRowBytes(['é'])).toBe('["é"]'.length + 1 + 1);
    expect(estimateRowBytes(['→'])).toBe('[""]'.length + 3 + 1);
    expect(estimateRowBytes(['😀'])).toBe('[""]'.length + 4 + 1);
  });

  it('refuses a row that cannot fit any chunk', () => {
    expect(() => planChunks([['x'.repeat(100)]], 50)).toThrow(RangeError);
  });

  it('plans nothing for no rows', () => {
    expect(planChunks([], 100)).toEqual([]);
  });
});
