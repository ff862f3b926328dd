import fc from 'fast-check';
import { a1, columnLetters } from '../../src/sheets';

describe('a1', () => {
  it('names cells the way Excel does', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(11, 2)).toBe('L3');
    expect(a1(25, 9)).toBe('Z10');
    expect(a1(26, 0)).toBe('AA1');
    expect(a1(701, 0)).toBe('ZZ1');
    expect(a1(702, 0)).toBe('AAA1');
    expect(a1(16383, 1048575)).toBe('XFD1048576');
  });

  it('refuses negative or fractional indexes', () => {
    expect(() => a1(-1, 0)).toThrow(RangeError);
    expect(() => a1(0, 1.5)).toThrow(RangeError);
  });

  it('gives every column its own letters, in Excel order', () => {
    const lettersToIndex = (letters: string): number =>
      [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
    fc.assert(
      fc.property(fc.nat(20000), (col) => {
        const letters = columnLetters(col);
        expect(letters).toMatch(/^[A-Z]+$/);
        expect(lettersToIndex(letters)).toBe(col);
      }),
    );
  });
});
