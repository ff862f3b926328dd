/**
 * Reading the reviewer's words back. Every parser accepts the words of all three locales (and
 * the contract's own codes), so a value pasted from a colleague's workbook in another language
 * still reads; anything else is `undefined` and becomes a per-cell problem.
 */
import { type ConditionOp, ConditionOpSchema, type Transform, TransformSchema } from '../contract/customFields';
import { type Direction, DirectionSchema } from '../contract/pending';
import { type CellValue, isBlank } from './cells';
import { FLAG_WORDS, LOCALES, type Locale, STRINGS, type Strings, stringsFor } from './strings';

const normaliseWord = (word: string): string => word.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const TRUE_WORDS = new Set(FLAG_WORDS.true.map(normaliseWord));
const FALSE_WORDS = new Set(FLAG_WORDS.false.map(normaliseWord));

/** A flag cell: Booleans, 1/0, the words of FLAG_WORDS, or empty (= false). */
export const parseFlag = (value: CellValue): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (value === null) return false;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  const word = normaliseWord(value);
  if (word === '') return false;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
};

/**
 * A parser of one closed list of words. The table is built once; a word meaning two different
 * codes would make a cell ambiguous, so it is refused when the module loads.
 */
const wordParser = <T extends string>(
  codes: readonly T[],
  wordsOf: (strings: Strings) => Record<T, string>,
  normalise: (word: string) => string,
): ((value: CellValue) => T | undefined) => {
  const byWord = new Map<string, T>();
  const add = (word: string, code: T): void => {
    const key = normalise(word);
    const known = byWord.get(key);
    if (known !== undefined && known !== code) throw new Error(`word "${word}" means both ${known} and ${code}`);
    byWord.set(key, code);
  };
  for (const code of codes) {
    add(code, code);
    for (const locale of LOCALES) add(wordsOf(STRINGS[locale])[code], code);
  }
  return (value) => (typeof value === 'string' ? byWord.get(normalise(value)) : undefined);
};

/** Arrows typed by hand (->, =>, >) read like the arrow the sheet shows. */
const normaliseArrow = (word: string): string =>
  normaliseWord(word)
    .replace(/\s+/g, '')
    .replace(/->|=>|⇒|>/g, '→');

const directionOf = wordParser(DirectionSchema.options, (s) => s.directions, normaliseArrow);
const transformOf = wordParser(TransformSchema.options, (s) => s.transforms, normaliseWord);
const conditionOf = wordParser(ConditionOpSchema.options, (s) => s.conditions, normaliseWord);

/** `null` for an empty cell (no choice), `undefined` for a word that is not a direction. */
export const parseDirection = (value: CellValue): Direction | null | undefined =>
  isBlank(value) ? null : directionOf(value);

export const parseTransform = (value: CellValue): Transform | undefined =>
  isBlank(value) ? 'none' : transformOf(value);

export const parseCondition = (value: CellValue): ConditionOp | undefined =>
  isBlank(value) ? 'always' : conditionOf(value);

/** The words of a list in one locale, for drop-downs and messages. */
const wordsOf = <T extends string>(codes: readonly T[], words: Record<T, string>): string[] =>
  codes.map((code) => words[code]);

export const directionWords = (locale: Locale): string[] =>
  wordsOf(DirectionSchema.options, stringsFor(locale).directions);
export const transformWords = (locale: Locale): string[] =>
  wordsOf(TransformSchema.options, stringsFor(locale).transforms);
export const conditionWords = (locale: Locale): string[] =>
  wordsOf(ConditionOpSchema.options, stringsFor(locale).conditions);
