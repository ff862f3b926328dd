/**
 * French and Dutch company names as they appear in Belgian books: family names with accents,
 * trades, and legal forms (old ones such as SPRL and BVBA still linger after the 2019 reform).
 */
import type { Country, Language } from './places';
import type { Random } from './random';

const FRENCH_SURNAMES = [
  'Lefèvre', 'Dubois', 'Lambert', 'Dupont', 'Renard', 'Hénin', 'Gérard', 'Lemaître', 'Crèvecœur',
  'Noël', 'Wéry', 'Delcour', 'Mathieu', 'François', 'Léonard', 'Thiry', 'Évrard', 'Bériot',
  'Hébert', 'Jacqmin', 'Collignon', 'Mélotte', 'Gillet', 'Fontaine', 'Dethier', 'Rémy', 'Lejeune',
  'Goffin', 'Pâquet', 'Bodart', 'Müller', 'Kohnen', 'Schröder', 'Désiré', 'Lhoëst',
];

const DUTCH_SURNAMES = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters',
  'De Smet', 'Van den Broeck', 'Geërts', 'Daneëls', 'Vermeulen', 'Coppé', 'Dewaele', 'Van Damme',
  'Verhoeven', 'De Clercq', 'Vandenbussche', 'Hendrickx', 'Seghers', 'Ruëll', 'Bogaert', 'Smets',
  'Raeymaekers', 'Van Hoeylandt', 'Noë', 'Citroën', 'Heyvaert',
];

const FRENCH_TRADES = [
  'Boulangerie', 'Pâtisserie', 'Menuiserie', 'Électricité', 'Brasserie', 'Quincaillerie',
  'Librairie', 'Pharmacie', 'Fromagerie', 'Épicerie fine', 'Imprimerie', 'Garage', 'Traiteur',
  'Ébénisterie', 'Carrosserie', 'Toitures', 'Chauffage', 'Fiduciaire', 'Transports', 'Pépinières',
  'Boucherie', 'Crèmerie', 'Maçonnerie', 'Plomberie', 'Optique', 'Coiffure', 'Café', "Bureau d'études",
];

const DUTCH_TRADES = [
  'Bakkerij', 'Slagerij', 'Brouwerij', 'Schrijnwerkerij', 'Drukkerij', 'Garage', 'Apotheek',
  'Bloemenhandel', 'Boekhandel', 'Transport', 'Bouwbedrijf', 'Elektriciteit', 'Tuinaanleg',
  'Kaashandel', 'Reisbureau', 'Architectenbureau', 'Dakwerken', 'Verwarming', 'Boekhoudkantoor',
  'Kwekerij', 'Wijnhandel', 'Schilderwerken', 'Loodgieterij', 'Optiek', 'Kapsalon', 'Frituur',
];

const ENGLISH_TRADES = ['Consulting', 'Solutions', 'Logistics', 'Trading', 'Partners', 'Software'];

const FRENCH_SIGNS = [
  "Le Fournil d'Élise", 'Les Délices de Noémie', 'Au Bon Pain Doré', 'La Clé des Champs',
  "L'Atelier du Bois", 'Les Jardins d’Hélène', 'Le Relais du Château', 'La Bonne Fourchette',
];
const DUTCH_SIGNS = [
  "'t Hoekske", 'De Gouden Leeuw', 'In de Vrede', 'Het Brouwershuis', 'De Linde', 'Bij Mariëtte',
  "'t Kapelleke", 'De Drie Sleutels',
];
const FRENCH_NON_PROFITS = [
  'Les Amis de la Forêt', 'Maison de Quartier Saint-Léonard', 'Entraide et Solidarité',
  'Cercle Royal Athlétique', 'Centre Culturel de Théâtre',
];
const DUTCH_NON_PROFITS = [
  "Jeugdhuis 't Zonneke", 'Voetbalclub Eendracht', 'Buurtwerking De Brug',
  'Koninklijke Harmonie Sint-Cecilia', 'Vrienden van het Muziekcentrum',
];

/** Legal forms with their weights, per naming tradition. */
const FORMS: Record<'BE-FR' | 'BE-NL' | 'NL' | 'LU' | 'FR', ReadonlyArray<[string, number]>> = {
  'BE-FR': [['SRL', 35], ['SA', 25], ['SPRL', 20], ['SC', 5], ['SCRL', 3], ['SNC', 2], ['', 10]],
  'BE-NL': [['BV', 40], ['NV', 20], ['BVBA', 20], ['CV', 5], ['CommV', 2], ['', 13]],
  NL: [['B.V.', 70], ['N.V.', 10], ['', 20]],
  LU: [['S.à r.l.', 60], ['S.A.', 30], ['', 10]],
  FR: [['SARL', 45], ['SAS', 35], ['SA', 10], ['', 10]],
};

/** The legal forms the name-change edit recognises at the end of a name. */
const LEGAL_FORM_SUCCESSORS: Readonly<Record<string, string>> = {
  // The 2019 company code reform renamed these forms.
  SPRL: 'SRL',
  BVBA: 'BV',
  SCRL: 'SC',
  CVBA: 'CV',
  // Otherwise a company changes form when it grows or restructures.
  SRL: 'SA',
  SA: 'SRL',
  BV: 'NV',
  NV: 'BV',
  SC: 'SRL',
  CV: 'BV',
};

function weighted(random: Random, choices: ReadonlyArray<[string, number]>): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.float() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const MAX_NAME_LENGTH = 40;

/** A company name (at most 40 characters, BOB's `CNAME1` width). */
export function companyName(random: Random, country: Country, language: Language): string {
  const dutch = language === 'NL';
  const tradition = country === 'BE' ? (dutch ? 'BE-NL' : 'BE-FR') : country;
  const surnames = dutch ? DUTCH_SURNAMES : FRENCH_SURNAMES;
  for (;;) {
    const surname = random.pick(surnames);
    const roll = random.float();
    let core: string;
    let form = weighted(random, FORMS[tradition]);
    if (language === 'EN') {
      core = `${surname} ${random.pick(ENGLISH_TRADES)}`;
    } else if (roll < 0.45) {
      core = `${random.pick(dutch ? DUTCH_TRADES : FRENCH_TRADES)} ${surname}`;
    } else if (roll < 0.6) {
      core = `${surname} & ${dutch ? 'Zonen' : 'Fils'}`;
    } else if (roll < 0.72) {
      core = `${surname}-${random.pick(surnames)}`;
    } else if (roll < 0.8) {
      core = dutch ? `Handelshuis ${surname}` : `Établissements ${surname}`;
    } else if (roll < 0.95) {
      core = random.pick(dutch ? DUTCH_SIGNS : FRENCH_SIGNS);
    } else {
      core = random.pick(dutch ? DUTCH_NON_PROFITS : FRENCH_NON_PROFITS);
      form = country === 'BE' ? (dutch ? 'VZW' : 'ASBL') : '';
    }
    const name = form === '' ? core : `${core} ${form}`;
    if (name.length <= MAX_NAME_LENGTH) return name;
  }
}

/** The name with its legal form changed, or null when it has none the reform or a change applies to. */
export function withChangedLegalForm(name: string): string | null {
  const at = name.lastIndexOf(' ');
  const successor = at < 0 ? undefined : LEGAL_FORM_SUCCESSORS[name.slice(at + 1)];
  if (successor === undefined) return null;
  const changed = `${name.slice(0, at)} ${successor}`;
  return changed.length <= MAX_NAME_LENGTH ? changed : null;
}

/** Words that say nothing about the company: legal forms (also spelt with dots) and articles. */
const FILLER_WORDS = new Set([
  'sa', 'srl', 'sprl', 'sc', 'scrl', 'snc', 'asbl', 'bv', 'nv', 'bvba', 'cv', 'commv', 'vzw',
  'sarl', 'sas', 's', 'a', 'r', 'l', 'b', 'v', 'n', 'et', 'en', 'de', 'la', 'le', 'les', 'du', 't',
]);

/** Letters of a name fit for a domain: no accents, no legal form, words joined by hyphens. */
export function domainStem(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
  return words.slice(0, 3).join('-') || 'societe';
}
