/**
 * The Office.js globals, reached from here only. Everything else takes an ExcelHost, which the
 * tests replace with the fake.
 */
import type { ExcelHost } from './types';

export const officeHost = (): ExcelHost => ({
  run: (work) => Excel.run((ctx) => work(ctx)),
  features: { checkboxes: Office.context.requirements.isSetSupported('ExcelApi', '1.18') },
  displayLanguage: Office.context.displayLanguage,
});
