/**
 * Every word the sheets show or accept, per locale. French is the default; the task pane picks
 * the locale from Office's display language, the CLI from its option. Nothing user-facing is
 * spelled anywhere else.
 */
import type { Role } from '../contract/api';
import type { ConditionOp, CustomFieldSetting, Transform } from '../contract/customFields';
import type { FieldChange, Problem, RowKind, RowStatus } from '../contract/pending';
import type { AssociationView, IneligibleReason } from '../contract/views';
import type { CanonicalField } from '../sync/domain/customer';
import type { ColumnId, SheetId } from './ids';

export const LOCALES = ['fr', 'nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * Words accepted in a flag cell (Jamais sync., Pas cette fois, Sél.), whatever the workbook's
 * locale: a pasted or typed value must not depend on who prepared the file. Compared trimmed and
 * case-insensitively; Booleans, the numbers 1/0 and an empty cell are accepted too.
 *   true:  oui, vrai, ja, waar, yes, true, x, 1
 *   false: non, faux, nee, onwaar, no, false, 0, (empty)
 */
export const FLAG_WORDS: { readonly true: readonly string[]; readonly false: readonly string[] } = {
  true: ['oui', 'vrai', 'ja', 'waar', 'yes', 'true', 'x', '1'],
  false: ['non', 'faux', 'nee', 'onwaar', 'no', 'false', '0'],
};

/** Arguments of each problem message; the key is the problem's stable code. */
export interface ProblemMessages {
  header_missing: (a: { sheet: string }) => string;
  column_missing: (a: { column: string }) => string;
  column_duplicate: (a: { column: string }) => string;
  key_missing: () => string;
  key_unknown: (a: { key: string }) => string;
  key_duplicate: (a: { key: string; first: string }) => string;
  row_missing: (a: { row: string }) => string;
  version_changed: () => string;
  cell_changed: (a: { column: string; expected: string; found: string }) => string;
  flag_invalid: (a: { column: string; found: string }) => string;
  never_and_skip: (a: { never: string; skip: string }) => string;
  direction_invalid: (a: { column: string; found: string; allowed: string }) => string;
  direction_not_conflict: (a: { column: string; field: string }) => string;
  number_invalid: (a: { column: string; found: string }) => string;
  choice_invalid: (a: { column: string; found: string; allowed: string }) => string;
  string_only: (a: { column: string; field: string }) => string;
  formula: () => string;
}
export type ProblemCode = keyof ProblemMessages;

/** Messages of errors that stop reading or writing a workbook altogether. */
export interface WorkbookMessages {
  not_prepared: (a: { sheet: string }) => string;
  setting_missing: (a: { name: string; sheet: string }) => string;
  locale_unknown: (a: { found: string }) => string;
  sheet_missing: (a: { sheet: string }) => string;
}

export interface Strings {
  sheets: Record<SheetId, string>;
  columns: { [S in SheetId]: Record<ColumnId<S>, string> };
  kinds: Record<RowKind, string>;
  directions: { 'bob>crm': string; 'crm>bob': string; both: string; none: string };
  fieldStates: Record<FieldChange['status'], string>;
  fields: Record<CanonicalField, string>;
  associationStates: Record<AssociationView['state'], string>;
  ineligible: Record<IneligibleReason, string>;
  /** The « Bloqué » column: why a duplicate or a removed customer cannot be applied. */
  blocked: {
    duplicate: (a: { vat: string; others: string; more: number }) => string;
    removed: (a: { bob: string; crm: string }) => string;
  };
  customFieldTypes: Record<CustomFieldSetting['type'], string>;
  transforms: Record<Transform, string>;
  conditions: Record<ConditionOp, string>;
  statuses: Record<RowStatus, string>;
  /** How Excel spells the Booleans in this language (its flag drop-down offers them). */
  booleans: { true: string; false: string };
  /** Tells the reviewer which words a flag cell accepts (see FLAG_WORDS). */
  flagHelp: string;
  /** Excel's warnings when a typed value is not one the column expects. */
  invalidValueTitle: string;
  listHelp: string;
  lengthHelp: string;
  empty: string;
  quote: (text: string) => string;
  /** Separator of a list shown in one cell, e.g. several ineligibility reasons. */
  listSeparator: string;
  problems: ProblemMessages;
  workbook: WorkbookMessages;
  /** Problems found by the engine or the service rather than in a cell, by their stable code. */
  runProblems: Record<RunProblemCode, (a: { key: string; field: string }) => string>;
  /** The audit record of one run, as exported to a workbook. */
  audit: { sheet: string; labels: Record<AuditLabel, string>; intact: string; broken: string };
  addin: AddinStrings;
}
/** The Excel add-in: its task pane, its custom functions, and what they report. */
export interface AddinStrings {
  /** BCP 47 tag dates and numbers are shown in. */
  dateLocale: string;
  title: string;
  notInExcel: string;
  loading: string;
  /** One count in a summary line: « Appliqué : 27 ». */
  countOf: (a: { label: string; count: string }) => string;
  roles: Record<Role, string>;
  steps: { connect: string; pull: string; check: string; backup: string; sync: string; journal: string };
  connect: {
    signIn: string;
    signOut: string;
    signedInAs: (a: { user: string }) => string;
    devTokenLabel: string;
    devTokenHint: string;
    dossierLabel: string;
    rolesHeld: (a: { roles: string }) => string;
    noDossier: string;
    busy: (a: { user: string; since: string }) => string;
    lastBackup: (a: { at: string; by: string }) => string;
    noBackup: string;
    linked: (a: { at: string; by: string }) => string;
    notLinked: string;
    otherDossier: (a: { dossier: string }) => string;
  };
  pull: {
    button: string;
    computing: string;
    fetching: (a: { done: number; total: number }) => string;
    writing: (a: { done: number; total: number }) => string;
    done: (a: { at: string }) => string;
    counts: { rows: string; bobToCrm: string; crmToBob: string; both: string; conflicts: string; duplicates: string; errors: string };
    carried: (a: { count: number }) => string;
    dropped: (a: { count: number }) => string;
    droppedReasons: { changed: string; gone: string; unreadable: string };
    droppedLine: (a: { name: string; key: string; reason: string }) => string;
  };
  check: {
    button: string;
    reading: string;
    dryRun: string;
    ok: (a: { count: number }) => string;
    problems: (a: { count: number }) => string;
    more: (a: { count: number }) => string;
    goTo: (a: { sheet: string; cell: string }) => string;
    changedSince: string;
  };
  backup: {
    button: string;
    valid: (a: { at: string }) => string;
    outdated: (a: { at: string }) => string;
    none: string;
    needsRole: string;
  };
  sync: {
    confirm: string;
    button: string;
    needCheck: string;
    needBackup: string;
    needRole: string;
    starting: string;
    phases: Record<string, string>;
    progress: (a: { phase: string; done: number; total: number }) => string;
    writingResults: string;
    done: (a: { run: string }) => string;
    resume: string;
  };
  journal: { button: string; exported: (a: { file: string }) => string; none: string };
  errors: {
    unreachable: (a: { url: string }) => string;
    unauthorized: string;
    forbidden: (a: { detail: string }) => string;
    busy: (a: { user: string; since: string }) => string;
    server: (a: { status: number; detail: string; requestId: string }) => string;
    excel: (a: { message: string }) => string;
    formulaWritten: (a: { sheet: string; cells: string }) => string;
    followLost: string;
    signIn: (a: { message: string }) => string;
    notLinked: string;
    keptDecisions: string;
  };
  problems: {
    sheetRenamed: (a: { sheet: string; found: string }) => string;
    moreFormulas: (a: { count: number }) => string;
  };
  functions: {
    notSignedIn: string;
    noDossier: string;
    vat: Record<'empty' | 'unknown_country' | 'bad_format' | 'bad_checksum' | 'invalid', (a: { value: string }) => string>;
    unknownCustomer: (a: { id: string }) => string;
    never: (a: { reason: string }) => string;
    associated: (a: { crmId: string }) => string;
    notAssociated: string;
    pending: (a: { kind: string; fields: number; conflicts: number }) => string;
    blocked: (a: { reason: string }) => string;
    upToDate: string;
    noRun: string;
  };
}


export const RUN_PROBLEM_CODES = [
  'unknown_pull',
  'unknown_row',
  'duplicate_row',
  'version_mismatch',
  'confirmation_required',
  'backup_required',
  'blocked',
  'direction_not_conflict',
  'unknown_field',
  'unknown_customer',
  'changed_since_run',
  'flag_of_other_user',
  'unknown_custom_field',
  'duplicate_custom_field',
  'max_length_not_string',
  'transform_not_string',
  'condition_value_missing',
] as const;
export type RunProblemCode = (typeof RUN_PROBLEM_CODES)[number];

export const AUDIT_LABELS = ['run', 'kind', 'user', 'startedAt', 'finishedAt', 'pull', 'backup', 'undoes', 'state', 'chain', 'hash', 'prevHash', 'counts'] as const;
export type AuditLabel = (typeof AUDIT_LABELS)[number];

const frAddin: AddinStrings = {
  dateLocale: 'fr-BE',
  title: 'Synchronisation BOB 50 ⇄ Sage CRM',
  notInExcel: 'Ce volet s’ouvre dans Excel : onglet Accueil, bouton « Synchronisation ».',
  loading: 'Chargement…',
  countOf: ({ label, count }) => `${label} : ${count}`,
  roles: { 'Sync.Review': 'vérifier', 'Sync.Apply': 'synchroniser', 'Sync.Admin': 'administrer' },
  steps: {
    connect: '1. Dossier et connexion',
    pull: '2. Récupérer les modifications',
    check: '3. Vérifier',
    backup: '4. Sauvegarde',
    sync: '5. Synchroniser',
    journal: '6. Journal',
  },
  connect: {
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    signedInAs: ({ user }) => `Connecté : ${user}`,
    devTokenLabel: 'Jeton de connexion (mode développement)',
    devTokenHint: 'npm start l’affiche ; sinon : npx bobsync token --user VOTRE_NOM --role Sync.Review --role Sync.Apply',
    dossierLabel: 'Dossier',
    rolesHeld: ({ roles }) => `Vos droits : ${roles}`,
    noDossier: 'Aucun dossier ne vous est ouvert sur ce service.',
    busy: ({ user, since }) => `Une synchronisation de ${user} est en cours depuis ${since}.`,
    lastBackup: ({ at, by }) => `Dernière sauvegarde : ${at} (${by})`,
    noBackup: 'Aucune sauvegarde n’a encore été faite.',
    linked: ({ at, by }) => `Ce classeur contient la récupération du ${at} (${by}).`,
    notLinked: 'Ce classeur ne contient pas encore de récupération.',
    otherDossier: ({ dossier }) => `Ce classeur contient une récupération du dossier ${dossier} : une nouvelle récupération la remplacera.`,
  },
  pull: {
    button: 'Récupérer les modifications',
    computing: 'Calcul des modifications en attente…',
    fetching: ({ done, total }) => `Lecture des lignes : ${done} sur ${total}`,
    writing: ({ done, total }) => `Écriture dans le classeur : ${done} lignes sur ${total}`,
    done: ({ at }) => `Récupération du ${at}`,
    counts: {
      rows: 'Lignes en attente',
      bobToCrm: 'BOB → CRM',
      crmToBob: 'CRM → BOB',
      both: 'Dans les deux sens',
      conflicts: 'Conflits (champs)',
      duplicates: 'Doublons',
      errors: 'Erreurs (lignes bloquées)',
    },
    carried: ({ count }) => `${count} décision(s) de la récupération précédente reprise(s) sur des lignes inchangées.`,
    dropped: ({ count }) => `${count} décision(s) non reprise(s), à prendre à nouveau :`,
    droppedReasons: { changed: 'modifiée depuis', gone: 'plus en attente', unreadable: 'valeur illisible' },
    droppedLine: ({ name, key, reason }) => `${name} (${key}) : ${reason}`,
  },
  check: {
    button: 'Vérifier',
    reading: 'Lecture du classeur…',
    dryRun: 'Simulation sur le service…',
    ok: ({ count }) => `Aucun problème : ${count} ligne(s) vérifiée(s).`,
    problems: ({ count }) => `${count} problème(s) : corrigez-les dans le classeur, puis vérifiez à nouveau. Rien n’a été envoyé.`,
    more: ({ count }) => `… et ${count} autre(s).`,
    goTo: ({ sheet, cell }) => `${sheet}!${cell}`,
    changedSince: 'Le classeur a changé depuis la vérification : vérifiez à nouveau.',
  },
  backup: {
    button: 'Créer une sauvegarde',
    valid: ({ at }) => `Sauvegarde du ${at} : elle couvre cette récupération.`,
    outdated: ({ at }) => `Dernière sauvegarde du ${at}, antérieure à la récupération : créez-en une avant de synchroniser.`,
    none: 'Aucune sauvegarde : créez-en une avant de synchroniser.',
    needsRole: 'Il faut le droit « synchroniser » pour créer une sauvegarde.',
  },
  sync: {
    confirm: 'Les informations de synchronisation sont correctes',
    button: 'Synchroniser',
    needCheck: 'Vérifiez d’abord le classeur (étape 3).',
    needBackup: 'Créez d’abord une sauvegarde (étape 4).',
    needRole: 'Il faut le droit « synchroniser » sur ce dossier.',
    starting: 'Démarrage de la synchronisation…',
    phases: { reread: 'Relecture des fiches', apply: 'Écriture dans BOB 50 et Sage CRM' },
    progress: ({ phase, done, total }) => `${phase} : ${done} sur ${total}`,
    writingResults: 'Écriture des résultats dans le classeur…',
    done: ({ run }) => `Synchronisation ${run} terminée.`,
    resume: 'Reprendre le suivi',
  },
  journal: {
    button: 'Exporter le journal',
    exported: ({ file }) => `Journal d’audit enregistré : ${file}`,
    none: 'Aucune synchronisation à exporter pour l’instant.',
  },
  errors: {
    unreachable: ({ url }) => `Le service bobsync ne répond pas (${url}).`,
    unauthorized: 'Votre connexion a expiré ou n’est pas reconnue : reconnectez-vous.',
    forbidden: ({ detail }) => `Accès refusé : ${detail}`,
    busy: ({ user, since }) => `Le dossier est occupé par une synchronisation de ${user} depuis ${since}.`,
    server: ({ status, detail, requestId }) => `Le service a répondu ${status} : ${detail} (demande ${requestId}).`,
    excel: ({ message }) => `Excel a refusé l’opération : ${message}`,
    formulaWritten: ({ sheet, cells }) =>
      `Excel a pris du texte pour une formule dans « ${sheet} » (${cells}) : ces cellules ont été vidées. Récupérez à nouveau.`,
    followLost: 'Le suivi de la synchronisation a été interrompu ; elle continue sur le service.',
    signIn: ({ message }) => `Connexion impossible : ${message}`,
    notLinked: 'Ce classeur ne contient pas de récupération (ou ses réglages ont été perdus) : récupérez les modifications.',
    keptDecisions: 'Vos décisions restent dans le classeur.',
  },
  problems: {
    sheetRenamed: ({ sheet, found }) => `La feuille « ${sheet} » a été renommée en « ${found} » : rendez-lui son nom.`,
    moreFormulas: ({ count }) => `… et ${count} autre(s) cellule(s) contenant une formule.`,
  },
  functions: {
    notSignedIn: 'Connectez-vous dans le volet bobsync.',
    noDossier: 'Choisissez un dossier dans le volet bobsync.',
    vat: {
      empty: () => 'Aucun n° de TVA.',
      unknown_country: ({ value }) => `« ${value} » ne commence pas par un code pays de l’UE (BE, FR, NL…).`,
      bad_format: ({ value }) => `« ${value} » n’a pas la forme d’un n° de TVA de ce pays.`,
      bad_checksum: ({ value }) => `« ${value} » : le chiffre de contrôle est faux.`,
      invalid: ({ value }) => `« ${value} » n’est pas un n° de TVA valable.`,
    },
    unknownCustomer: ({ id }) => `${id} : client inconnu du service.`,
    never: ({ reason }) => `Jamais sync. (${reason})`,
    associated: ({ crmId }) => `Associé au CRM ${crmId}`,
    notAssociated: 'Non associé',
    pending: ({ kind, fields, conflicts }) => `En attente : ${kind}, ${fields} champ(s), ${conflicts} conflit(s)`,
    blocked: ({ reason }) => `Bloqué : ${reason}`,
    upToDate: 'À jour',
    noRun: 'Aucune synchronisation',
  },
};

const nlAddin: AddinStrings = {
  dateLocale: 'nl-BE',
  title: 'Synchronisatie BOB 50 ⇄ Sage CRM',
  notInExcel: 'Dit deelvenster opent in Excel: tabblad Start, knop ‘Synchronisatie’.',
  loading: 'Laden…',
  countOf: ({ label, count }) => `${label}: ${count}`,
  roles: { 'Sync.Review': 'nakijken', 'Sync.Apply': 'synchroniseren', 'Sync.Admin': 'beheren' },
  steps: {
    connect: '1. Dossier en aanmelding',
    pull: '2. Wijzigingen ophalen',
    check: '3. Controleren',
    backup: '4. Back-up',
    sync: '5. Synchroniseren',
    journal: '6. Logboek',
  },
  connect: {
    signIn: 'Aanmelden',
    signOut: 'Afmelden',
    signedInAs: ({ user }) => `Aangemeld: ${user}`,
    devTokenLabel: 'Aanmeldtoken (ontwikkelmodus)',
    devTokenHint: 'npm start toont er een; anders: npx bobsync token --user UW_NAAM --role Sync.Review --role Sync.Apply',
    dossierLabel: 'Dossier',
    rolesHeld: ({ roles }) => `Uw rechten: ${roles}`,
    noDossier: 'Op deze dienst is geen dossier voor u open.',
    busy: ({ user, since }) => `Een synchronisatie van ${user} loopt sinds ${since}.`,
    lastBackup: ({ at, by }) => `Laatste back-up: ${at} (${by})`,
    noBackup: 'Er werd nog geen back-up gemaakt.',
    linked: ({ at, by }) => `Deze werkmap bevat de ophaling van ${at} (${by}).`,
    notLinked: 'Deze werkmap bevat nog geen ophaling.',
    otherDossier: ({ dossier }) => `Deze werkmap bevat een ophaling van dossier ${dossier}: een nieuwe ophaling vervangt ze.`,
  },
  pull: {
    button: 'Wijzigingen ophalen',
    computing: 'De openstaande wijzigingen worden berekend…',
    fetching: ({ done, total }) => `Rijen lezen: ${done} van ${total}`,
    writing: ({ done, total }) => `Schrijven in de werkmap: ${done} van ${total} rijen`,
    done: ({ at }) => `Ophaling van ${at}`,
    counts: {
      rows: 'Openstaande rijen',
      bobToCrm: 'BOB → CRM',
      crmToBob: 'CRM → BOB',
      both: 'In beide richtingen',
      conflicts: 'Conflicten (velden)',
      duplicates: 'Dubbels',
      errors: 'Fouten (geblokkeerde rijen)',
    },
    carried: ({ count }) => `${count} beslissing(en) van de vorige ophaling overgenomen op ongewijzigde rijen.`,
    dropped: ({ count }) => `${count} beslissing(en) niet overgenomen, opnieuw te nemen:`,
    droppedReasons: { changed: 'intussen gewijzigd', gone: 'niet meer openstaand', unreadable: 'onleesbare waarde' },
    droppedLine: ({ name, key, reason }) => `${name} (${key}): ${reason}`,
  },
  check: {
    button: 'Controleren',
    reading: 'De werkmap wordt gelezen…',
    dryRun: 'Simulatie op de dienst…',
    ok: ({ count }) => `Geen problemen: ${count} rij(en) gecontroleerd.`,
    problems: ({ count }) => `${count} probleem/problemen: verbeter ze in de werkmap en controleer opnieuw. Er werd niets verzonden.`,
    more: ({ count }) => `… en nog ${count}.`,
    goTo: ({ sheet, cell }) => `${sheet}!${cell}`,
    changedSince: 'De werkmap is gewijzigd sinds de controle: controleer opnieuw.',
  },
  backup: {
    button: 'Back-up maken',
    valid: ({ at }) => `Back-up van ${at}: die dekt deze ophaling.`,
    outdated: ({ at }) => `Laatste back-up van ${at}, van vóór de ophaling: maak er een voor u synchroniseert.`,
    none: 'Geen back-up: maak er een voor u synchroniseert.',
    needsRole: 'Een back-up maken vraagt het recht ‘synchroniseren’.',
  },
  sync: {
    confirm: 'De synchronisatiegegevens zijn correct',
    button: 'Synchroniseren',
    needCheck: 'Controleer eerst de werkmap (stap 3).',
    needBackup: 'Maak eerst een back-up (stap 4).',
    needRole: 'U hebt het recht ‘synchroniseren’ op dit dossier nodig.',
    starting: 'De synchronisatie start…',
    phases: { reread: 'Fiches opnieuw lezen', apply: 'Schrijven in BOB 50 en Sage CRM' },
    progress: ({ phase, done, total }) => `${phase}: ${done} van ${total}`,
    writingResults: 'De resultaten worden in de werkmap geschreven…',
    done: ({ run }) => `Synchronisatie ${run} voltooid.`,
    resume: 'Opvolging hervatten',
  },
  journal: {
    button: 'Logboek exporteren',
    exported: ({ file }) => `Auditlogboek opgeslagen: ${file}`,
    none: 'Nog geen synchronisatie om te exporteren.',
  },
  errors: {
    unreachable: ({ url }) => `De bobsync-dienst antwoordt niet (${url}).`,
    unauthorized: 'Uw aanmelding is verlopen of wordt niet herkend: meld u opnieuw aan.',
    forbidden: ({ detail }) => `Toegang geweigerd: ${detail}`,
    busy: ({ user, since }) => `Het dossier is bezet door een synchronisatie van ${user} sinds ${since}.`,
    server: ({ status, detail, requestId }) => `De dienst antwoordde ${status}: ${detail} (aanvraag ${requestId}).`,
    excel: ({ message }) => `Excel weigerde de bewerking: ${message}`,
    formulaWritten: ({ sheet, cells }) =>
      `Excel nam tekst voor een formule in ‘${sheet}’ (${cells}): die cellen werden leeggemaakt. Haal opnieuw op.`,
    followLost: 'De opvolging van de synchronisatie werd onderbroken; ze loopt verder op de dienst.',
    signIn: ({ message }) => `Aanmelden mislukt: ${message}`,
    notLinked: 'Deze werkmap bevat geen ophaling (of haar instellingen gingen verloren): haal de wijzigingen op.',
    keptDecisions: 'Uw beslissingen blijven in de werkmap.',
  },
  problems: {
    sheetRenamed: ({ sheet, found }) => `Het blad ‘${sheet}’ werd hernoemd tot ‘${found}’: geef het zijn naam terug.`,
    moreFormulas: ({ count }) => `… en nog ${count} cel(len) met een formule.`,
  },
  functions: {
    notSignedIn: 'Meld u aan in het bobsync-deelvenster.',
    noDossier: 'Kies een dossier in het bobsync-deelvenster.',
    vat: {
      empty: () => 'Geen btw-nummer.',
      unknown_country: ({ value }) => `‘${value}’ begint niet met een landcode van de EU (BE, FR, NL…).`,
      bad_format: ({ value }) => `‘${value}’ heeft niet de vorm van een btw-nummer van dat land.`,
      bad_checksum: ({ value }) => `‘${value}’: het controlecijfer klopt niet.`,
      invalid: ({ value }) => `‘${value}’ is geen geldig btw-nummer.`,
    },
    unknownCustomer: ({ id }) => `${id}: klant onbekend bij de dienst.`,
    never: ({ reason }) => `Nooit sync. (${reason})`,
    associated: ({ crmId }) => `Gekoppeld aan CRM ${crmId}`,
    notAssociated: 'Niet gekoppeld',
    pending: ({ kind, fields, conflicts }) => `Openstaand: ${kind}, ${fields} veld(en), ${conflicts} conflict(en)`,
    blocked: ({ reason }) => `Geblokkeerd: ${reason}`,
    upToDate: 'Bijgewerkt',
    noRun: 'Geen synchronisatie',
  },
};

const enAddin: AddinStrings = {
  dateLocale: 'en-GB',
  title: 'BOB 50 ⇄ Sage CRM synchronisation',
  notInExcel: 'This pane opens in Excel: Home tab, “Synchronisation” button.',
  loading: 'Loading…',
  countOf: ({ label, count }) => `${label}: ${count}`,
  roles: { 'Sync.Review': 'review', 'Sync.Apply': 'synchronise', 'Sync.Admin': 'administer' },
  steps: {
    connect: '1. Dossier and sign-in',
    pull: '2. Pull the changes',
    check: '3. Check',
    backup: '4. Backup',
    sync: '5. Synchronise',
    journal: '6. Journal',
  },
  connect: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: ({ user }) => `Signed in: ${user}`,
    devTokenLabel: 'Sign-in token (development mode)',
    devTokenHint: 'npm start prints one; otherwise: npx bobsync token --user YOUR_NAME --role Sync.Review --role Sync.Apply',
    dossierLabel: 'Dossier',
    rolesHeld: ({ roles }) => `Your rights: ${roles}`,
    noDossier: 'No dossier is open to you on this service.',
    busy: ({ user, since }) => `A synchronisation by ${user} is running since ${since}.`,
    lastBackup: ({ at, by }) => `Latest backup: ${at} (${by})`,
    noBackup: 'No backup has been made yet.',
    linked: ({ at, by }) => `This workbook holds the pull of ${at} (${by}).`,
    notLinked: 'This workbook holds no pull yet.',
    otherDossier: ({ dossier }) => `This workbook holds a pull of dossier ${dossier}: a new pull will replace it.`,
  },
  pull: {
    button: 'Pull the changes',
    computing: 'Computing the pending changes…',
    fetching: ({ done, total }) => `Reading rows: ${done} of ${total}`,
    writing: ({ done, total }) => `Writing into the workbook: ${done} of ${total} rows`,
    done: ({ at }) => `Pull of ${at}`,
    counts: {
      rows: 'Pending rows',
      bobToCrm: 'BOB → CRM',
      crmToBob: 'CRM → BOB',
      both: 'Both ways',
      conflicts: 'Conflicts (fields)',
      duplicates: 'Duplicates',
      errors: 'Errors (blocked rows)',
    },
    carried: ({ count }) => `${count} decision(s) of the previous pull kept on rows that did not change.`,
    dropped: ({ count }) => `${count} decision(s) not kept, to take again:`,
    droppedReasons: { changed: 'changed since', gone: 'no longer pending', unreadable: 'unreadable value' },
    droppedLine: ({ name, key, reason }) => `${name} (${key}): ${reason}`,
  },
  check: {
    button: 'Check',
    reading: 'Reading the workbook…',
    dryRun: 'Dry run on the service…',
    ok: ({ count }) => `No problem: ${count} row(s) checked.`,
    problems: ({ count }) => `${count} problem(s): fix them in the workbook, then check again. Nothing was sent.`,
    more: ({ count }) => `… and ${count} more.`,
    goTo: ({ sheet, cell }) => `${sheet}!${cell}`,
    changedSince: 'The workbook changed since it was checked: check again.',
  },
  backup: {
    button: 'Make a backup',
    valid: ({ at }) => `Backup of ${at}: it covers this pull.`,
    outdated: ({ at }) => `Latest backup of ${at}, older than the pull: make one before synchronising.`,
    none: 'No backup: make one before synchronising.',
    needsRole: 'Making a backup needs the right to synchronise.',
  },
  sync: {
    confirm: 'The synchronisation information is correct',
    button: 'Synchronise',
    needCheck: 'Check the workbook first (step 3).',
    needBackup: 'Make a backup first (step 4).',
    needRole: 'You need the right to synchronise on this dossier.',
    starting: 'Starting the synchronisation…',
    phases: { reread: 'Reading the records again', apply: 'Writing to BOB 50 and Sage CRM' },
    progress: ({ phase, done, total }) => `${phase}: ${done} of ${total}`,
    writingResults: 'Writing the results into the workbook…',
    done: ({ run }) => `Synchronisation ${run} finished.`,
    resume: 'Follow it again',
  },
  journal: {
    button: 'Export the journal',
    exported: ({ file }) => `Audit record saved: ${file}`,
    none: 'No synchronisation to export yet.',
  },
  errors: {
    unreachable: ({ url }) => `The bobsync service does not answer (${url}).`,
    unauthorized: 'Your sign-in expired or is not recognised: sign in again.',
    forbidden: ({ detail }) => `Access refused: ${detail}`,
    busy: ({ user, since }) => `The dossier is busy with a synchronisation by ${user} since ${since}.`,
    server: ({ status, detail, requestId }) => `The service answered ${status}: ${detail} (request ${requestId}).`,
    excel: ({ message }) => `Excel refused the operation: ${message}`,
    formulaWritten: ({ sheet, cells }) =>
      `Excel took text for a formula in “${sheet}” (${cells}): those cells were emptied. Pull again.`,
    followLost: 'Following the synchronisation was interrupted; it goes on on the service.',
    signIn: ({ message }) => `Sign-in failed: ${message}`,
    notLinked: 'This workbook holds no pull (or its settings were lost): pull the changes.',
    keptDecisions: 'Your decisions stay in the workbook.',
  },
  problems: {
    sheetRenamed: ({ sheet, found }) => `The sheet “${sheet}” was renamed “${found}”: give it its name back.`,
    moreFormulas: ({ count }) => `… and ${count} more cell(s) holding a formula.`,
  },
  functions: {
    notSignedIn: 'Sign in in the bobsync pane.',
    noDossier: 'Choose a dossier in the bobsync pane.',
    vat: {
      empty: () => 'No VAT number.',
      unknown_country: ({ value }) => `“${value}” does not start with an EU country code (BE, FR, NL…).`,
      bad_format: ({ value }) => `“${value}” does not have the form of a VAT number of that country.`,
      bad_checksum: ({ value }) => `“${value}”: the check digit is wrong.`,
      invalid: ({ value }) => `“${value}” is not a valid VAT number.`,
    },
    unknownCustomer: ({ id }) => `${id}: customer unknown to the service.`,
    never: ({ reason }) => `Never sync (${reason})`,
    associated: ({ crmId }) => `Associated with CRM ${crmId}`,
    notAssociated: 'Not associated',
    pending: ({ kind, fields, conflicts }) => `Pending: ${kind}, ${fields} field(s), ${conflicts} conflict(s)`,
    blocked: ({ reason }) => `Blocked: ${reason}`,
    upToDate: 'Up to date',
    noRun: 'No synchronisation',
  },
};

const fr: Strings = {
  sheets: {
    sync: 'Synchronisation',
    details: 'Détails',
    associations: 'Associations',
    customFields: 'Champs personnalisés',
    journal: 'Journal',
  },
  columns: {
    sync: {
      key: 'Clé',
      version: 'Version',
      bobId: 'Code BOB',
      crmId: 'ID CRM',
      name: 'Nom',
      vat: 'TVA',
      kind: 'Type',
      direction: 'Sens',
      fields: 'Champs',
      conflicts: 'Conflits',
      blocked: 'Bloqué',
      never: 'Jamais sync.',
      skip: 'Pas cette fois',
      reason: 'Motif',
      status: 'Statut',
      message: 'Message',
    },
    details: {
      key: 'Clé',
      bobId: 'Code BOB',
      crmId: 'ID CRM',
      name: 'Nom',
      field: 'Champ',
      base: 'Valeur de base',
      bob: 'Valeur BOB',
      crm: 'Valeur CRM',
      state: 'État',
      proposed: 'Sens proposé',
      chosen: 'Sens choisi',
      status: 'Statut',
    },
    associations: {
      key: 'Clé',
      bobId: 'Code BOB',
      crmId: 'ID CRM',
      name: 'Nom',
      vat: 'TVA',
      state: 'État',
      bobIneligible: 'Inéligible BOB',
      crmIneligible: 'Inéligible CRM',
      never: 'Jamais sync.',
      reason: 'Motif',
      by: 'Par',
      at: 'Le',
      lastSync: 'Dernière synchro.',
    },
    customFields: {
      key: 'Clé',
      bobField: 'Champ BOB',
      crmField: 'Champ CRM',
      type: 'Type',
      selected: 'Sél.',
      maxLength: 'Longueur max',
      transform: 'Transformation',
      condition: 'Condition',
      value: 'Valeur',
    },
    journal: {
      run: 'Run',
      at: 'Date',
      user: 'Utilisateur',
      backup: 'Sauvegarde',
      key: 'Clé',
      bobId: 'Code BOB',
      crmId: 'ID CRM',
      field: 'Champ',
      before: 'Avant',
      after: 'Après',
      direction: 'Sens',
      status: 'Statut',
      message: 'Message',
    },
  },
  kinds: {
    update: 'Mise à jour',
    link: 'Nouveau lien',
    create_crm: 'Création dans CRM',
    create_bob: 'Création dans BOB',
    duplicate: 'Doublon',
    removed: 'Supprimé ou inéligible',
  },
  directions: { 'bob>crm': 'BOB → CRM', 'crm>bob': 'CRM → BOB', both: 'les deux', none: '—' },
  fieldStates: { 'bob>crm': 'BOB → CRM', 'crm>bob': 'CRM → BOB', converged: 'Convergé', conflict: 'Conflit' },
  fields: {
    name: 'Nom',
    address1: 'Adresse 1',
    address2: 'Adresse 2',
    postcode: 'Code postal',
    city: 'Localité',
    country: 'Pays',
    vat: 'TVA',
    language: 'Langue',
    phone: 'Téléphone',
    email: 'E-mail',
    website: 'Site web',
  },
  associationStates: { associated: 'Associé', bob_only: 'BOB seulement', crm_only: 'CRM seulement' },
  ineligible: {
    not_customer: 'pas un client',
    no_vat: 'sans n° de TVA',
    invalid_vat: 'n° de TVA invalide',
    bobsync_off: 'BobSync non coché',
    deleted: 'supprimé',
    missing: 'introuvable',
  },
  blocked: {
    duplicate: ({ vat, others, more }) => `Le n° de TVA ${vat} est aussi celui de ${others}${more > 0 ? ` et de ${more} autre(s)` : ''}.`,
    removed: ({ bob, crm }) => [bob && `BOB : ${bob}`, crm && `CRM : ${crm}`].filter(Boolean).join(' ; '),
  },
  customFieldTypes: { string: 'Texte', number: 'Nombre', date: 'Date', boolean: 'Oui/Non', choice: 'Liste' },
  transforms: {
    none: 'aucune',
    upper: 'MAJUSCULES',
    lower: 'minuscules',
    trim: 'sans espaces superflus',
    capitalize: 'Initiale majuscule',
  },
  conditions: {
    always: 'toujours',
    not_empty: 'si non vide',
    equals: 'égal à',
    differs: 'différent de',
    starts_with: 'commence par',
    contains: 'contient',
  },
  statuses: {
    applied: 'Appliqué',
    skipped: 'Ignoré cette fois',
    never: 'Jamais',
    stale: 'Obsolète',
    failed: 'Échec',
    blocked: 'Bloqué',
    would_apply: 'Serait appliqué',
  },
  booleans: { true: 'VRAI', false: 'FAUX' },
  flagHelp:
    'Cocher : VRAI, oui ou x. Décocher : FAUX, non ou laisser vide. Sont aussi acceptés : 1/0, ja/nee, waar/onwaar, yes/no, true/false.',
  invalidValueTitle: 'Valeur non reconnue',
  listHelp: 'Choisissez une valeur dans la liste.',
  lengthHelp: 'Un nombre entier positif, ou vide pour ne pas limiter la longueur.',
  empty: '(vide)',
  quote: (text) => `« ${text} »`,
  listSeparator: ', ',
  problems: {
    header_missing: ({ sheet }) => `La feuille « ${sheet} » n'a pas de ligne d'en-tête reconnue.`,
    column_missing: ({ column }) => `La colonne « ${column} » est introuvable dans l'en-tête.`,
    column_duplicate: ({ column }) => `La colonne « ${column} » apparaît plusieurs fois dans l'en-tête.`,
    key_missing: () => `La clé de cette ligne est vide : la ligne ne peut pas être reliée à la préparation.`,
    key_unknown: ({ key }) =>
      `La clé « ${key} » n'existe pas dans la préparation (ligne ajoutée ou copiée d'un autre classeur ?).`,
    key_duplicate: ({ key, first }) => `La ligne de clé « ${key} » apparaît deux fois (déjà en ${first}).`,
    row_missing: ({ row }) => `La ligne ${row} a disparu de la feuille : rétablissez-la ou préparez à nouveau.`,
    version_changed: () => `La version de la ligne ne correspond plus à la préparation : ne modifiez pas cette colonne.`,
    cell_changed: ({ column, expected, found }) =>
      `« ${column} » a été modifié : attendu ${expected}, trouvé ${found}. Cette colonne est en lecture seule.`,
    flag_invalid: ({ column, found }) =>
      `${found} n'est pas une valeur admise pour « ${column} ». ${fr.flagHelp}`,
    never_and_skip: ({ never, skip }) =>
      `« ${never} » et « ${skip} » sont cochés tous les deux : choisissez l'un ou l'autre.`,
    direction_invalid: ({ column, found, allowed }) =>
      `${found} n'est pas un sens admis pour « ${column} » (${allowed}, ou vide).`,
    direction_not_conflict: ({ column, field }) =>
      `Le champ « ${field} » n'est pas en conflit : « ${column} » doit rester vide.`,
    number_invalid: ({ column, found }) =>
      `${found} n'est pas admis pour « ${column} » : un nombre entier positif, ou vide.`,
    choice_invalid: ({ column, found, allowed }) =>
      `${found} n'est pas une valeur admise pour « ${column} » (${allowed}).`,
    string_only: ({ column, field }) =>
      `« ${column} » ne s'applique qu'aux champs de type Texte, pas à « ${field} ».`,
    formula: () => `Cette cellule contient une formule : saisissez une valeur.`,
  },
  workbook: {
    not_prepared: ({ sheet }) =>
      `Ce classeur n'a pas été préparé par bobsync (la feuille masquée « ${sheet} » est absente).`,
    setting_missing: ({ name, sheet }) => `La valeur « ${name} » manque dans la feuille masquée « ${sheet} ».`,
    locale_unknown: ({ found }) => `Langue du classeur inconnue : « ${found} » (fr, nl ou en attendu).`,
    sheet_missing: ({ sheet }) => `La feuille « ${sheet} » est absente du classeur.`,
  },
  runProblems: {
    unknown_pull: () => 'Ce classeur ne vient pas d’une récupération de ce dossier.',
    unknown_row: ({ key }) => `La ligne ${key} ne fait pas partie de la récupération.`,
    duplicate_row: ({ key }) => `La ligne ${key} figure deux fois.`,
    version_mismatch: ({ key }) => `La ligne ${key} vient d’une autre récupération.`,
    confirmation_required: () => 'Confirmez que « Les informations de synchronisation sont correctes » avant de synchroniser.',
    backup_required: () => 'Aucune sauvegarde n’a été faite depuis la récupération : créez d’abord une sauvegarde.',
    blocked: ({ key }) => `La ligne ${key} est bloquée (doublon ou fiche supprimée) : cochez « Jamais sync. » ou « Pas cette fois ».`,
    direction_not_conflict: ({ key, field }) => `Ligne ${key} : le champ ${field} n’est pas en conflit, son sens ne se choisit pas.`,
    unknown_field: ({ key, field }) => `Ligne ${key} : le champ ${field} ne fait pas partie de la ligne.`,
    unknown_customer: ({ key }) => `${key} ne désigne aucun client.`,
    changed_since_run: ({ key, field }) => `Ligne ${key} : ${field} a changé depuis la synchronisation ; l’annuler écraserait cette modification.`,
    flag_of_other_user: ({ key }) => `Le drapeau « Jamais sync. » de ${key} a été posé par un autre utilisateur : seul un administrateur peut le changer.`,
    unknown_custom_field: ({ field }) => `Le champ personnalisé ${field} n’a pas de champ correspondant dans Sage CRM.`,
    duplicate_custom_field: ({ field }) => `Le champ personnalisé ${field} figure deux fois.`,
    max_length_not_string: ({ field }) => `${field} : une longueur maximale ne s’applique qu’à un champ texte.`,
    transform_not_string: ({ field }) => `${field} : une transformation ne s’applique qu’à un champ texte.`,
    condition_value_missing: ({ field }) => `${field} : cette condition demande une valeur.`,
  },
  audit: {
    sheet: 'Audit',
    labels: {
      run: 'Synchronisation',
      kind: 'Nature',
      user: 'Utilisateur',
      startedAt: 'Début',
      finishedAt: 'Fin',
      pull: 'Récupération',
      backup: 'Sauvegarde',
      undoes: 'Annule',
      state: 'État',
      chain: 'Chaîne d’audit',
      hash: 'Empreinte (SHA-256)',
      prevHash: 'Empreinte précédente',
      counts: 'Lignes',
    },
    intact: 'intacte',
    broken: 'ROMPUE : un enregistrement a été modifié',
  },
  addin: frAddin,
};

const nl: Strings = {
  sheets: {
    sync: 'Synchronisatie',
    details: 'Details',
    associations: 'Koppelingen',
    customFields: 'Aangepaste velden',
    journal: 'Logboek',
  },
  columns: {
    sync: {
      key: 'Sleutel',
      version: 'Versie',
      bobId: 'BOB-code',
      crmId: 'CRM-ID',
      name: 'Naam',
      vat: 'Btw',
      kind: 'Soort',
      direction: 'Richting',
      fields: 'Velden',
      conflicts: 'Conflicten',
      blocked: 'Geblokkeerd',
      never: 'Nooit sync.',
      skip: 'Niet deze keer',
      reason: 'Reden',
      status: 'Status',
      message: 'Bericht',
    },
    details: {
      key: 'Sleutel',
      bobId: 'BOB-code',
      crmId: 'CRM-ID',
      name: 'Naam',
      field: 'Veld',
      base: 'Basiswaarde',
      bob: 'BOB-waarde',
      crm: 'CRM-waarde',
      state: 'Toestand',
      proposed: 'Voorgestelde richting',
      chosen: 'Gekozen richting',
      status: 'Status',
    },
    associations: {
      key: 'Sleutel',
      bobId: 'BOB-code',
      crmId: 'CRM-ID',
      name: 'Naam',
      vat: 'Btw',
      state: 'Toestand',
      bobIneligible: 'Niet in aanmerking BOB',
      crmIneligible: 'Niet in aanmerking CRM',
      never: 'Nooit sync.',
      reason: 'Reden',
      by: 'Door',
      at: 'Op',
      lastSync: 'Laatste sync.',
    },
    customFields: {
      key: 'Sleutel',
      bobField: 'BOB-veld',
      crmField: 'CRM-veld',
      type: 'Soort',
      selected: 'Sel.',
      maxLength: 'Max. lengte',
      transform: 'Transformatie',
      condition: 'Voorwaarde',
      value: 'Waarde',
    },
    journal: {
      run: 'Run',
      at: 'Datum',
      user: 'Gebruiker',
      backup: 'Back-up',
      key: 'Sleutel',
      bobId: 'BOB-code',
      crmId: 'CRM-ID',
      field: 'Veld',
      before: 'Voor',
      after: 'Na',
      direction: 'Richting',
      status: 'Status',
      message: 'Bericht',
    },
  },
  kinds: {
    update: 'Bijwerking',
    link: 'Nieuwe koppeling',
    create_crm: 'Aanmaak in CRM',
    create_bob: 'Aanmaak in BOB',
    duplicate: 'Dubbel',
    removed: 'Verwijderd of niet in aanmerking',
  },
  directions: { 'bob>crm': 'BOB → CRM', 'crm>bob': 'CRM → BOB', both: 'beide', none: '—' },
  fieldStates: { 'bob>crm': 'BOB → CRM', 'crm>bob': 'CRM → BOB', converged: 'Gelijkgelopen', conflict: 'Conflict' },
  fields: {
    name: 'Naam',
    address1: 'Adres 1',
    address2: 'Adres 2',
    postcode: 'Postcode',
    city: 'Gemeente',
    country: 'Land',
    vat: 'Btw',
    language: 'Taal',
    phone: 'Telefoon',
    email: 'E-mail',
    website: 'Website',
  },
  associationStates: { associated: 'Gekoppeld', bob_only: 'Alleen BOB', crm_only: 'Alleen CRM' },
  ineligible: {
    not_customer: 'geen klant',
    no_vat: 'geen btw-nummer',
    invalid_vat: 'ongeldig btw-nummer',
    bobsync_off: 'BobSync niet aangevinkt',
    deleted: 'verwijderd',
    missing: 'niet gevonden',
  },
  blocked: {
    duplicate: ({ vat, others, more }) => `Btw-nummer ${vat} is ook dat van ${others}${more > 0 ? ` en van ${more} andere(n)` : ''}.`,
    removed: ({ bob, crm }) => [bob && `BOB: ${bob}`, crm && `CRM: ${crm}`].filter(Boolean).join('; '),
  },
  customFieldTypes: { string: 'Tekst', number: 'Getal', date: 'Datum', boolean: 'Ja/Nee', choice: 'Lijst' },
  transforms: {
    none: 'geen',
    upper: 'HOOFDLETTERS',
    lower: 'kleine letters',
    trim: 'zonder overtollige spaties',
    capitalize: 'Beginhoofdletter',
  },
  conditions: {
    always: 'altijd',
    not_empty: 'indien niet leeg',
    equals: 'gelijk aan',
    differs: 'verschilt van',
    starts_with: 'begint met',
    contains: 'bevat',
  },
  statuses: {
    applied: 'Toegepast',
    skipped: 'Deze keer overgeslagen',
    never: 'Nooit',
    stale: 'Verouderd',
    failed: 'Mislukt',
    blocked: 'Geblokkeerd',
    would_apply: 'Zou worden toegepast',
  },
  booleans: { true: 'WAAR', false: 'ONWAAR' },
  flagHelp:
    'Aanvinken: WAAR, ja of x. Uitvinken: ONWAAR, nee of leeg laten. Ook aanvaard: 1/0, oui/non, vrai/faux, yes/no, true/false.',
  invalidValueTitle: 'Onbekende waarde',
  listHelp: 'Kies een waarde uit de lijst.',
  lengthHelp: 'Een positief geheel getal, of leeg om de lengte niet te beperken.',
  empty: '(leeg)',
  quote: (text) => `‘${text}’`,
  listSeparator: ', ',
  problems: {
    header_missing: ({ sheet }) => `Het blad ‘${sheet}’ heeft geen herkenbare kopregel.`,
    column_missing: ({ column }) => `De kolom ‘${column}’ ontbreekt in de kopregel.`,
    column_duplicate: ({ column }) => `De kolom ‘${column}’ komt meer dan eens voor in de kopregel.`,
    key_missing: () => `De sleutel van deze rij is leeg: de rij kan niet aan de voorbereiding gekoppeld worden.`,
    key_unknown: ({ key }) =>
      `De sleutel ‘${key}’ bestaat niet in de voorbereiding (rij toegevoegd of uit een andere werkmap gekopieerd?).`,
    key_duplicate: ({ key, first }) => `De rij met sleutel ‘${key}’ komt twee keer voor (al in ${first}).`,
    row_missing: ({ row }) => `De rij ${row} is uit het blad verdwenen: zet ze terug of bereid opnieuw voor.`,
    version_changed: () => `De versie van de rij klopt niet meer met de voorbereiding: wijzig deze kolom niet.`,
    cell_changed: ({ column, expected, found }) =>
      `‘${column}’ werd gewijzigd: verwacht ${expected}, gevonden ${found}. Deze kolom is alleen-lezen.`,
    flag_invalid: ({ column, found }) => `${found} is geen toegelaten waarde voor ‘${column}’. ${nl.flagHelp}`,
    never_and_skip: ({ never, skip }) => `‘${never}’ en ‘${skip}’ zijn allebei aangevinkt: kies één van beide.`,
    direction_invalid: ({ column, found, allowed }) =>
      `${found} is geen toegelaten richting voor ‘${column}’ (${allowed}, of leeg).`,
    direction_not_conflict: ({ column, field }) =>
      `Het veld ‘${field}’ is niet in conflict: ‘${column}’ moet leeg blijven.`,
    number_invalid: ({ column, found }) =>
      `${found} is niet toegelaten voor ‘${column}’: een positief geheel getal, of leeg.`,
    choice_invalid: ({ column, found, allowed }) =>
      `${found} is geen toegelaten waarde voor ‘${column}’ (${allowed}).`,
    string_only: ({ column, field }) => `‘${column}’ geldt alleen voor tekstvelden, niet voor ‘${field}’.`,
    formula: () => `Deze cel bevat een formule: vul een waarde in.`,
  },
  workbook: {
    not_prepared: ({ sheet }) =>
      `Deze werkmap werd niet door bobsync voorbereid (het verborgen blad ‘${sheet}’ ontbreekt).`,
    setting_missing: ({ name, sheet }) => `De waarde ‘${name}’ ontbreekt in het verborgen blad ‘${sheet}’.`,
    locale_unknown: ({ found }) => `Onbekende taal van de werkmap: ‘${found}’ (fr, nl of en verwacht).`,
    sheet_missing: ({ sheet }) => `Het blad ‘${sheet}’ ontbreekt in de werkmap.`,
  },
  runProblems: {
    unknown_pull: () => 'Deze werkmap komt niet van een ophaling van dit dossier.',
    unknown_row: ({ key }) => `Rij ${key} hoort niet bij de ophaling.`,
    duplicate_row: ({ key }) => `Rij ${key} staat er twee keer.`,
    version_mismatch: ({ key }) => `Rij ${key} komt van een andere ophaling.`,
    confirmation_required: () => 'Bevestig dat „De synchronisatiegegevens zijn correct” voor u synchroniseert.',
    backup_required: () => 'Sinds de ophaling werd geen back-up gemaakt: maak eerst een back-up.',
    blocked: ({ key }) => `Rij ${key} is geblokkeerd (dubbel of verwijderde fiche): vink „Nooit sync.” of „Niet deze keer” aan.`,
    direction_not_conflict: ({ key, field }) => `Rij ${key}: veld ${field} is geen conflict, de richting kiest u niet.`,
    unknown_field: ({ key, field }) => `Rij ${key}: veld ${field} hoort niet bij de rij.`,
    unknown_customer: ({ key }) => `${key} duidt geen klant aan.`,
    changed_since_run: ({ key, field }) => `Rij ${key}: ${field} is gewijzigd sinds de synchronisatie; ongedaan maken zou die wijziging overschrijven.`,
    flag_of_other_user: ({ key }) => `De vlag „Nooit sync.” van ${key} werd door een andere gebruiker gezet: alleen een beheerder kan ze wijzigen.`,
    unknown_custom_field: ({ field }) => `Het vrije veld ${field} heeft geen overeenkomstig veld in Sage CRM.`,
    duplicate_custom_field: ({ field }) => `Het vrije veld ${field} staat er twee keer.`,
    max_length_not_string: ({ field }) => `${field}: een maximale lengte geldt alleen voor een tekstveld.`,
    transform_not_string: ({ field }) => `${field}: een omzetting geldt alleen voor een tekstveld.`,
    condition_value_missing: ({ field }) => `${field}: deze voorwaarde vraagt een waarde.`,
  },
  audit: {
    sheet: 'Audit',
    labels: {
      run: 'Synchronisatie',
      kind: 'Aard',
      user: 'Gebruiker',
      startedAt: 'Begin',
      finishedAt: 'Einde',
      pull: 'Ophaling',
      backup: 'Back-up',
      undoes: 'Maakt ongedaan',
      state: 'Toestand',
      chain: 'Auditketen',
      hash: 'Vingerafdruk (SHA-256)',
      prevHash: 'Vorige vingerafdruk',
      counts: 'Rijen',
    },
    intact: 'intact',
    broken: 'VERBROKEN: een record werd gewijzigd',
  },
  addin: nlAddin,
};

const en: Strings = {
  sheets: {
    sync: 'Synchronisation',
    details: 'Details',
    associations: 'Associations',
    customFields: 'Custom fields',
    journal: 'Journal',
  },
  columns: {
    sync: {
      key: 'Key',
      version: 'Version',
      bobId: 'BOB code',
      crmId: 'CRM ID',
      name: 'Name',
      vat: 'VAT',
      kind: 'Type',
      direction: 'Direction',
      fields: 'Fields',
      conflicts: 'Conflicts',
      blocked: 'Blocked',
      never: 'Never sync',
      skip: 'Not this time',
      reason: 'Reason',
      status: 'Status',
      message: 'Message',
    },
    details: {
      key: 'Key',
      bobId: 'BOB code',
      crmId: 'CRM ID',
      name: 'Name',
      field: 'Field',
      base: 'Base value',
      bob: 'BOB value',
      crm: 'CRM value',
      state: 'State',
      proposed: 'Proposed direction',
      chosen: 'Chosen direction',
      status: 'Status',
    },
    associations: {
      key: 'Key',
      bobId: 'BOB code',
      crmId: 'CRM ID',
      name: 'Name',
      vat: 'VAT',
      state: 'State',
      bobIneligible: 'Ineligible in BOB',
      crmIneligible: 'Ineligible in CRM',
      never: 'Never sync',
      reason: 'Reason',
      by: 'By',
      at: 'On',
      lastSync: 'Last sync',
    },
    customFields: {
      key: 'Key',
      bobField: 'BOB field',
      crmField: 'CRM field',
      type: 'Type',
      selected: 'Sel.',
      maxLength: 'Max length',
      transform: 'Transformation',
      condition: 'Condition',
      value: 'Value',
    },
    journal: {
      run: 'Run',
      at: 'Date',
      user: 'User',
      backup: 'Backup',
      key: 'Key',
      bobId: 'BOB code',
      crmId: 'CRM ID',
      field: 'Field',
      before: 'Before',
      after: 'After',
      direction: 'Direction',
      status: 'Status',
      message: 'Message',
    },
  },
  kinds: {
    update: 'Update',
    link: 'New link',
    create_crm: 'Create in CRM',
    create_bob: 'Create in BOB',
    duplicate: 'Duplicate',
    removed: 'Deleted or ineligible',
  },
  directions: { 'bob>crm': 'BOB → CRM', 'crm>bob': 'CRM → BOB', both: 'both', none: '—' },
  fieldStates: { 'bob>crm': 'BOB → CRM', 'crm>bob': 'CRM → BOB', converged: 'Converged', conflict: 'Conflict' },
  fields: {
    name: 'Name',
    address1: 'Address 1',
    address2: 'Address 2',
    postcode: 'Postcode',
    city: 'City',
    country: 'Country',
    vat: 'VAT',
    language: 'Language',
    phone: 'Phone',
    email: 'E-mail',
    website: 'Website',
  },
  associationStates: { associated: 'Associated', bob_only: 'BOB only', crm_only: 'CRM only' },
  ineligible: {
    not_customer: 'not a customer',
    no_vat: 'no VAT number',
    invalid_vat: 'invalid VAT number',
    bobsync_off: 'BobSync not ticked',
    deleted: 'deleted',
    missing: 'not found',
  },
  blocked: {
    duplicate: ({ vat, others, more }) => `VAT ${vat} is also held by ${others}${more > 0 ? ` and ${more} more` : ''}.`,
    removed: ({ bob, crm }) => [bob && `BOB: ${bob}`, crm && `CRM: ${crm}`].filter(Boolean).join('; '),
  },
  customFieldTypes: { string: 'Text', number: 'Number', date: 'Date', boolean: 'Yes/No', choice: 'List' },
  transforms: {
    none: 'none',
    upper: 'UPPER CASE',
    lower: 'lower case',
    trim: 'without extra spaces',
    capitalize: 'Initial capital',
  },
  conditions: {
    always: 'always',
    not_empty: 'if not empty',
    equals: 'equals',
    differs: 'differs from',
    starts_with: 'starts with',
    contains: 'contains',
  },
  statuses: {
    applied: 'Applied',
    skipped: 'Skipped this time',
    never: 'Never',
    stale: 'Stale',
    failed: 'Failed',
    blocked: 'Blocked',
    would_apply: 'Would apply',
  },
  booleans: { true: 'TRUE', false: 'FALSE' },
  flagHelp:
    'Tick: TRUE, yes or x. Untick: FALSE, no or leave empty. Also accepted: 1/0, oui/non, vrai/faux, ja/nee, waar/onwaar.',
  invalidValueTitle: 'Value not recognised',
  listHelp: 'Pick a value from the list.',
  lengthHelp: 'A positive whole number, or empty for no length limit.',
  empty: '(empty)',
  quote: (text) => `“${text}”`,
  listSeparator: ', ',
  problems: {
    header_missing: ({ sheet }) => `The sheet “${sheet}” has no recognisable header row.`,
    column_missing: ({ column }) => `The column “${column}” is missing from the header row.`,
    column_duplicate: ({ column }) => `The column “${column}” appears more than once in the header row.`,
    key_missing: () => `This row's key is empty: the row cannot be tied to the prepared changes.`,
    key_unknown: ({ key }) =>
      `The key “${key}” is not part of the prepared changes (row added, or copied from another workbook?).`,
    key_duplicate: ({ key, first }) => `The row with key “${key}” appears twice (already at ${first}).`,
    row_missing: ({ row }) => `The row ${row} has disappeared from the sheet: restore it or prepare again.`,
    version_changed: () => `The row's version no longer matches the prepared changes: do not edit this column.`,
    cell_changed: ({ column, expected, found }) =>
      `“${column}” was changed: expected ${expected}, found ${found}. This column is read-only.`,
    flag_invalid: ({ column, found }) => `${found} is not an accepted value for “${column}”. ${en.flagHelp}`,
    never_and_skip: ({ never, skip }) => `Both “${never}” and “${skip}” are ticked: choose one of them.`,
    direction_invalid: ({ column, found, allowed }) =>
      `${found} is not an accepted direction for “${column}” (${allowed}, or empty).`,
    direction_not_conflict: ({ column, field }) =>
      `The field “${field}” is not in conflict: “${column}” must stay empty.`,
    number_invalid: ({ column, found }) =>
      `${found} is not accepted for “${column}”: a positive whole number, or empty.`,
    choice_invalid: ({ column, found, allowed }) =>
      `${found} is not an accepted value for “${column}” (${allowed}).`,
    string_only: ({ column, field }) => `“${column}” applies to text fields only, not to “${field}”.`,
    formula: () => `This cell holds a formula: enter a value instead.`,
  },
  workbook: {
    not_prepared: ({ sheet }) => `This workbook was not prepared by bobsync (the hidden sheet “${sheet}” is missing).`,
    setting_missing: ({ name, sheet }) => `The value “${name}” is missing from the hidden sheet “${sheet}”.`,
    locale_unknown: ({ found }) => `Unknown workbook language: “${found}” (fr, nl or en expected).`,
    sheet_missing: ({ sheet }) => `The sheet “${sheet}” is missing from the workbook.`,
  },
  runProblems: {
    unknown_pull: () => 'This workbook does not come from a pull of this dossier.',
    unknown_row: ({ key }) => `Row ${key} is not part of the pull.`,
    duplicate_row: ({ key }) => `Row ${key} is given twice.`,
    version_mismatch: ({ key }) => `Row ${key} comes from another pull.`,
    confirmation_required: () => 'Confirm that "The synchronisation information is correct" before synchronising.',
    backup_required: () => 'No backup was made since the pull: make a backup first.',
    blocked: ({ key }) => `Row ${key} is blocked (a duplicate or a deleted record): tick "Never sync." or "Not this time".`,
    direction_not_conflict: ({ key, field }) => `Row ${key}: field ${field} is not a conflict, its direction is not chosen.`,
    unknown_field: ({ key, field }) => `Row ${key}: field ${field} is not part of the row.`,
    unknown_customer: ({ key }) => `${key} names no customer.`,
    changed_since_run: ({ key, field }) => `Row ${key}: ${field} changed since the synchronisation; undoing it would overwrite that change.`,
    flag_of_other_user: ({ key }) => `The "Never sync." flag of ${key} was set by another user: only an administrator can change it.`,
    unknown_custom_field: ({ field }) => `Custom field ${field} has no matching field in Sage CRM.`,
    duplicate_custom_field: ({ field }) => `Custom field ${field} is given twice.`,
    max_length_not_string: ({ field }) => `${field}: a maximum length applies to a text field only.`,
    transform_not_string: ({ field }) => `${field}: a transformation applies to a text field only.`,
    condition_value_missing: ({ field }) => `${field}: this condition needs a value.`,
  },
  audit: {
    sheet: 'Audit',
    labels: {
      run: 'Synchronisation',
      kind: 'Kind',
      user: 'User',
      startedAt: 'Started',
      finishedAt: 'Finished',
      pull: 'Pull',
      backup: 'Backup',
      undoes: 'Undoes',
      state: 'State',
      chain: 'Audit chain',
      hash: 'Fingerprint (SHA-256)',
      prevHash: 'Previous fingerprint',
      counts: 'Rows',
    },
    intact: 'intact',
    broken: 'BROKEN: a record was changed',
  },
  addin: enAddin,
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { fr, nl, en };

export const stringsFor = (locale: Locale): Strings => STRINGS[locale];

const isRunProblemCode = (code: string): code is RunProblemCode => (RUN_PROBLEM_CODES as readonly string[]).includes(code);

/** A problem in the reader's language: cell problems are worded already, run problems by their code. */
export function problemText(problem: Problem, locale: Locale): string {
  if (!isRunProblemCode(problem.code)) return problem.message;
  return STRINGS[locale].runProblems[problem.code]({ key: problem.key ?? '', field: problem.field ?? '' });
}
