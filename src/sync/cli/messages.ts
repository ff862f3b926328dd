/**
 * Every text the `bobsync` command prints, in French (default), Dutch and English. The words of
 * the sheets and of problems live with the sheet model (src/sheets/strings.ts), shared with the
 * task pane; these are the command's own sentences.
 */
import type { Locale } from '../../sheets';

export type { Locale };

type Params = Record<string, string | number>;
type Template = string;

const fr = {
  phaseBob: 'Lecture de BOB 50',
  phaseCrm: 'Lecture de Sage CRM',
  phaseSaved: 'Enregistrement',
  phaseReread: 'Relecture des fiches',
  phaseApply: 'Synchronisation',
  phaseSync: 'Première synchronisation',
  phaseEdit: 'Modifications',
  sandboxCreated: 'Dossier sandbox créé dans {dir} : {bob} tiers BOB 50, {crm} sociétés Sage CRM, première synchronisation faite ({links} associations), puis une série de modifications des deux côtés.',
  sandboxExists: 'Le dossier {dir} existe déjà : ajoutez --force pour le recréer.',
  sandboxEdited: 'Modifications faites : BOB 50 {bobUpdates} modifiés, {bobCreates} créés, {bobRemoves} supprimés ; Sage CRM {crmUpdates} modifiés, {crmCreates} créés, {crmRemoves} supprimés, {crmUntick} BobSync décochés.',
  pulled: 'Récupération {pull} : {rows} lignes en attente ({update} mises à jour, {link} nouveaux liens, {create_crm} créations CRM, {create_bob} créations BOB, {duplicate} doublons, {removed} supprimés, {conflicts} conflits). Fichier : {out}',
  backupMade: 'Sauvegarde {id} créée : {bob} tiers BOB 50 et {crm} sociétés Sage CRM, {path} (SHA-256 {sha256}).',
  problemsFound: '{count} problème(s) : rien n’a été écrit.',
  problemLine: '  {where}{message}',
  dryRunOk: 'Vérification : {would} ligne(s) seraient synchronisées, {skipped} ignorées cette fois, {never} jamais, {blocked} bloquées, {stale} obsolètes. Résultats écrits dans {file}.',
  applied: 'Synchronisation {run} : {applied} appliquée(s), {failed} en échec, {stale} obsolète(s), {skipped} ignorée(s) cette fois, {never} jamais, {blocked} bloquée(s). Résultats et journal écrits dans {file}.',
  replayed: 'Cette demande a déjà été exécutée (même clé d’idempotence) : voici le résultat de la synchronisation {run}.',
  confirmNeeded: 'Ajoutez --confirm pour confirmer que « Les informations de synchronisation sont correctes », ou --dry-run pour vérifier.',
  undone: 'Annulation {run} de la synchronisation {undone} : {applied} ligne(s) remises comme avant, {failed} en échec.',
  auditWritten: 'Enregistrement d’audit de {run} écrit dans {out} (chaîne {chain}).',
  chainOk: 'Chaîne d’audit intacte : {count} enregistrement(s) vérifié(s).',
  chainBroken: 'Chaîne d’audit rompue à l’enregistrement {seq} : {reason}.',
  intact: 'intacte',
  broken: 'ROMPUE',
  recovered: 'Reprise après interruption : {completed} ligne(s) terminée(s), {putBack} remise(s) en l’état ({runs}).',
  runsHeader: 'Synchronisations du dossier {dossier} :',
  runLine: '  {id}  {kind}  {state}  {user}  {startedAt}  {counts}',
  noRuns: 'Aucune synchronisation pour le dossier {dossier}.',
} satisfies Record<string, Template>;

export type MessageId = keyof typeof fr;

const nl: Record<MessageId, Template> = {
  phaseBob: 'BOB 50 lezen',
  phaseCrm: 'Sage CRM lezen',
  phaseSaved: 'Opslaan',
  phaseReread: 'Fiches opnieuw lezen',
  phaseApply: 'Synchronisatie',
  phaseSync: 'Eerste synchronisatie',
  phaseEdit: 'Wijzigingen',
  sandboxCreated: 'Sandboxdossier aangemaakt in {dir}: {bob} BOB 50-derden, {crm} Sage CRM-bedrijven, eerste synchronisatie gedaan ({links} koppelingen), daarna een reeks wijzigingen aan beide kanten.',
  sandboxExists: 'De map {dir} bestaat al: voeg --force toe om ze opnieuw aan te maken.',
  sandboxEdited: 'Wijzigingen gedaan: BOB 50 {bobUpdates} gewijzigd, {bobCreates} aangemaakt, {bobRemoves} verwijderd; Sage CRM {crmUpdates} gewijzigd, {crmCreates} aangemaakt, {crmRemoves} verwijderd, {crmUntick} BobSync uitgevinkt.',
  pulled: 'Ophaling {pull}: {rows} wachtende rijen ({update} bijwerkingen, {link} nieuwe koppelingen, {create_crm} aanmaken in CRM, {create_bob} aanmaken in BOB, {duplicate} dubbels, {removed} verwijderd, {conflicts} conflicten). Bestand: {out}',
  backupMade: 'Back-up {id} gemaakt: {bob} BOB 50-derden en {crm} Sage CRM-bedrijven, {path} (SHA-256 {sha256}).',
  problemsFound: '{count} probleem/problemen: er is niets geschreven.',
  problemLine: '  {where}{message}',
  dryRunOk: 'Controle: {would} rij(en) zouden gesynchroniseerd worden, {skipped} deze keer overgeslagen, {never} nooit, {blocked} geblokkeerd, {stale} verouderd. Resultaten geschreven in {file}.',
  applied: 'Synchronisatie {run}: {applied} toegepast, {failed} mislukt, {stale} verouderd, {skipped} deze keer overgeslagen, {never} nooit, {blocked} geblokkeerd. Resultaten en journaal geschreven in {file}.',
  replayed: 'Deze aanvraag werd al uitgevoerd (zelfde idempotentiesleutel): dit is het resultaat van synchronisatie {run}.',
  confirmNeeded: 'Voeg --confirm toe om te bevestigen dat „De synchronisatiegegevens zijn correct”, of --dry-run om te controleren.',
  undone: 'Ongedaanmaking {run} van synchronisatie {undone}: {applied} rij(en) teruggezet, {failed} mislukt.',
  auditWritten: 'Auditverslag van {run} geschreven in {out} (keten {chain}).',
  chainOk: 'Auditketen intact: {count} record(s) gecontroleerd.',
  chainBroken: 'Auditketen verbroken bij record {seq}: {reason}.',
  intact: 'intact',
  broken: 'VERBROKEN',
  recovered: 'Hervatting na onderbreking: {completed} rij(en) voltooid, {putBack} teruggezet ({runs}).',
  runsHeader: 'Synchronisaties van dossier {dossier}:',
  runLine: '  {id}  {kind}  {state}  {user}  {startedAt}  {counts}',
  noRuns: 'Geen synchronisaties voor dossier {dossier}.',
};

const en: Record<MessageId, Template> = {
  phaseBob: 'Reading BOB 50',
  phaseCrm: 'Reading Sage CRM',
  phaseSaved: 'Saving',
  phaseReread: 'Reading records again',
  phaseApply: 'Synchronising',
  phaseSync: 'First synchronisation',
  phaseEdit: 'Edits',
  sandboxCreated: 'Sandbox dossier created in {dir}: {bob} BOB 50 third parties, {crm} Sage CRM companies, first synchronisation done ({links} associations), then a round of edits on both sides.',
  sandboxExists: 'The folder {dir} already exists: add --force to create it again.',
  sandboxEdited: 'Edits made: BOB 50 {bobUpdates} changed, {bobCreates} created, {bobRemoves} deleted; Sage CRM {crmUpdates} changed, {crmCreates} created, {crmRemoves} deleted, {crmUntick} BobSync unticked.',
  pulled: 'Pull {pull}: {rows} pending rows ({update} updates, {link} new links, {create_crm} to create in CRM, {create_bob} to create in BOB, {duplicate} duplicates, {removed} removed, {conflicts} conflicts). File: {out}',
  backupMade: 'Backup {id} made: {bob} BOB 50 third parties and {crm} Sage CRM companies, {path} (SHA-256 {sha256}).',
  problemsFound: '{count} problem(s): nothing was written.',
  problemLine: '  {where}{message}',
  dryRunOk: 'Check: {would} row(s) would be synchronised, {skipped} skipped this time, {never} never, {blocked} blocked, {stale} stale. Results written to {file}.',
  applied: 'Synchronisation {run}: {applied} applied, {failed} failed, {stale} stale, {skipped} skipped this time, {never} never, {blocked} blocked. Results and journal written to {file}.',
  replayed: 'This request was already carried out (same idempotency key): here is the result of synchronisation {run}.',
  confirmNeeded: 'Add --confirm to confirm that "The synchronisation information is correct", or --dry-run to check.',
  undone: 'Undo {run} of synchronisation {undone}: {applied} row(s) put back, {failed} failed.',
  auditWritten: 'Audit record of {run} written to {out} (chain {chain}).',
  chainOk: 'Audit chain intact: {count} record(s) checked.',
  chainBroken: 'Audit chain broken at record {seq}: {reason}.',
  intact: 'intact',
  broken: 'BROKEN',
  recovered: 'Recovery after an interruption: {completed} row(s) completed, {putBack} put back ({runs}).',
  runsHeader: 'Synchronisations of dossier {dossier}:',
  runLine: '  {id}  {kind}  {state}  {user}  {startedAt}  {counts}',
  noRuns: 'No synchronisation for dossier {dossier}.',
};

const TABLES: Record<Locale, Record<MessageId, Template>> = { fr, nl, en };

/** The locale of the terminal: BOBSYNC_LANG, then LANG; French when neither says nl or en. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = (env.BOBSYNC_LANG ?? env.LANG ?? '').slice(0, 2).toLowerCase();
  return tag === 'nl' || tag === 'en' ? tag : 'fr';
}

export function message(locale: Locale, id: MessageId, params: Params = {}): string {
  return TABLES[locale][id].replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? 0));
}
