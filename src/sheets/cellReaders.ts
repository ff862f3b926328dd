/** Reading the editable cells of a row, each failure filed as a problem at the cell's address. */
import { cellText, showValue } from './cells';
import { headerText } from './header';
import type { ColumnId, SheetId } from './ids';
import type { ProblemList } from './problems';
import type { Cell, SheetRow } from './scan';
import type { Locale } from './strings';
import { parseFlag } from './words';

/** A flag cell; `undefined` (and a problem) when the cell holds something else than a flag. */
export const readFlag = <S extends SheetId>(
  row: SheetRow<S>,
  sheet: S,
  id: ColumnId<S>,
  problems: ProblemList,
  locale: Locale,
): boolean | undefined => {
  const cell = row.required(id);
  const flag = parseFlag(cell.value);
  if (flag === undefined) {
    problems.add('flag_invalid', row.at(cell, id), {
      column: headerText(sheet, id, locale),
      found: showValue(cell.value, locale),
    });
  }
  return flag;
};

/** Free text typed by the reviewer, as shown. */
export const readText = (cell: Cell, locale: Locale): string => cellText(cell.value, locale);
