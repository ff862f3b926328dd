/** Problems found while reading a sheet back, worded in the reviewer's locale. */
import type { Problem } from '../contract/pending';
import { sheetName } from './columns';
import type { SheetId } from './ids';
import { type Locale, type ProblemCode, type ProblemMessages, stringsFor } from './strings';

export interface Where {
  /** Key of the pending row (or association, custom field) the problem is about, when known. */
  key: string | null;
  /**
   * Détails: the pending field (`name`, `cf.Secteur`); Champs personnalisés: the setting
   * (`maxLength`); elsewhere the column id (`never`, `reason`).
   */
  field: string | null;
  cell?: string;
}

type Args<C extends ProblemCode> = Parameters<ProblemMessages[C]>;

export class ProblemList {
  readonly items: Problem[] = [];

  constructor(
    readonly sheet: SheetId,
    readonly locale: Locale,
  ) {}

  add<C extends ProblemCode>(code: C, where: Where, ...args: Args<C>): void {
    const message = (stringsFor(this.locale).problems[code] as (...a: Args<C>) => string)(...args);
    this.items.push({
      key: where.key,
      field: where.field,
      code,
      message,
      sheet: sheetName(this.sheet, this.locale),
      ...(where.cell === undefined ? {} : { cell: where.cell }),
    });
  }

  /** Keys that have at least one problem: their decisions are not handed on. */
  keys(): Set<string> {
    return new Set(this.items.flatMap((p) => (p.key === null ? [] : [p.key])));
  }
}
