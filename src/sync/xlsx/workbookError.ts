/** A workbook that cannot be read or updated at all; the message is for the reviewer. */
import type { WorkbookMessages } from '../../sheets';

export class WorkbookError extends Error {
  constructor(
    readonly code: keyof WorkbookMessages,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
