/**
 * The BOBSYNC custom functions. Each is a thin wrapper over a tested helper; the webpack plugin
 * reads these JSDoc tags to write functions.json and registers the functions. They run in the
 * task pane's runtime (shared runtime) and use its sign-in.
 */
import { describeError } from '../taskpane/api/describe';
import { functionServices, onFunctionsRefresh } from './services';
import { customerStatus, lastRunText, latestPullAt, pendingCount } from './queries';
import { SharedLookup, statusText } from './status';
import { streamEvery } from './stream';
import { checkVat } from './vat';

/** How often the streaming functions ask again when nothing told them to. */
const REFRESH_MS = 5 * 60_000;

const statuses = new SharedLookup<string>({ keepMs: 60_000, concurrency: 4, now: () => Date.now() });
const pulls = new SharedLookup<string | null>({ keepMs: 60_000, concurrency: 1, now: () => Date.now() });
onFunctionsRefresh(() => {
  statuses.forget();
  pulls.forget();
});

const failure = (code: CustomFunctions.ErrorCode, message: string) => new CustomFunctions.Error(code, message.slice(0, 255));

const fail = (error: unknown) => failure(CustomFunctions.ErrorCode.notAvailable, describeError(error, functionServices().locale));

/**
 * Numéro de TVA normalisé (BE0411905847), tel que la synchronisation le compare, ou une erreur qui dit pourquoi il n'est pas valable.
 * @customfunction TVA
 * @param valeur Le numéro de TVA tel qu'il est écrit (« BE 0411.905.847 »).
 * @returns Le numéro normalisé.
 */
export function tva(valeur: any): string {
  const checked = checkVat(valeur, functionServices().locale);
  if (!checked.ok) throw failure(CustomFunctions.ErrorCode.invalidValue, checked.message);
  return checked.vat;
}

/**
 * Association et état en attente d'un client, d'après son code BOB 50.
 * @customfunction STATUT
 * @param code_bob Le code du client dans BOB 50.
 * @returns L'état du client.
 */
export async function statut(code_bob: any): Promise<string> {
  const services = functionServices();
  const id = String(code_bob ?? '').trim();
  try {
    return await statuses.get(`${services.dossier}\n${id}`, async () => {
      const pulledAt = await pulls.get(String(services.dossier), () => latestPullAt(services));
      return statusText(await customerStatus(services, id), services.locale, pulledAt);
    });
  } catch (error) {
    throw fail(error);
  }
}

/**
 * Nombre de lignes en attente de synchronisation dans le dossier ; se met à jour après chaque synchronisation.
 * @customfunction ENATTENTE
 * @param invocation Mise à jour continue.
 */
export function enAttente(invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, () => pendingCount(functionServices()));
}

/**
 * Date et heure de la dernière synchronisation du dossier.
 * @customfunction DERNIERESYNCHRO
 * @param invocation Mise à jour continue.
 */
export function derniereSynchro(invocation: CustomFunctions.StreamingInvocation<string>): void {
  stream(invocation, () => lastRunText(functionServices()));
}

/** Streams `load` into the cell until Excel cancels the function. */
function stream<T>(invocation: CustomFunctions.StreamingInvocation<T>, load: () => Promise<T>): void {
  const running = streamEvery<T>(
    { setResult: (value) => invocation.setResult(value), fail: (error) => invocation.setResult(fail(error)) },
    load,
    { everyMs: REFRESH_MS, subscribe: onFunctionsRefresh },
  );
  invocation.onCanceled = () => running.stop();
}
