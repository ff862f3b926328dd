/**
 * Every word the sheets show or accept, per locale. French is the default; the task pane picks
 * the locale from Office's display language, the CLI from its option. Nothing user-facing is
 * spelled anywhere else.
 */
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
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { fr, nl, en };

export const stringsFor = (locale: Locale): Strings => STRINGS[locale];

const isRunProblemCode = (code: string): code is RunProblemCode => (RUN_PROBLEM_CODES as readonly string[]).includes(code);

/** A problem in the reader's language: cell problems are worded already, run problems by their code. */
export function problemText(problem: Problem, locale: Locale): string {
  if (!isRunProblemCode(problem.code)) return problem.message;
  return STRINGS[locale].runProblems[problem.code]({ key: problem.key ?? '', field: problem.field ?? '' });
}
