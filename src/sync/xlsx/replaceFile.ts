/**
 * Writes a file next to its destination and moves it into place once complete, so that a failed
 * write never leaves a half-written workbook where the reviewer's file was.
 */
import { rename, rm } from 'node:fs/promises';

export const replaceFile = async (path: string, write: (temporary: string) => Promise<void>): Promise<void> => {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};
