/** The review workbook as an xlsx file, for the CLI. */
export { type PendingWorkbook, readPendingWorkbook } from './readPendingWorkbook';
export { SETTINGS_SHEET, type WorkbookSettings } from './settingsSheet';
export { WorkbookError } from './workbookError';
export { type PendingWorkbookInput, writePendingWorkbook } from './writePendingWorkbook';
export { writeResults } from './writeResults';
