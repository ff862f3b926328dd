/**
 * What the custom functions share with the task pane in the shared runtime: the signed-in API
 * client, the dossier of the workbook, the reviewer's language, and a signal that the pane
 * pulled or synchronised (streaming functions then refresh at once).
 */
import { DEFAULT_LOCALE, type Locale } from '../sheets';
import type { ApiClient } from '../taskpane/api/client';

export interface FunctionServices {
  /** Null until the reviewer signs in. */
  api: ApiClient | null;
  /** Null until a dossier is chosen. */
  dossier: string | null;
  locale: Locale;
}

let current: FunctionServices = { api: null, dossier: null, locale: DEFAULT_LOCALE };
const listeners = new Set<() => void>();

export const functionServices = (): FunctionServices => current;

/** Called by the pane when the sign-in, the dossier or the language change. */
export const setFunctionServices = (next: FunctionServices): void => {
  current = next;
  refreshFunctions();
};

/** Called by the pane after a pull or a run. */
export const refreshFunctions = (): void => {
  for (const listener of [...listeners]) listener();
};

/** Hears every refresh until the returned function is called. */
export const onFunctionsRefresh = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
