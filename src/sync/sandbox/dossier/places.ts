/** Real places of Belgium and its neighbours, so that sandbox addresses look like a real dossier. */

/** Languages as BOB stores them (`CLANGUAGE`, two characters). */
export type Language = 'FR' | 'NL' | 'EN';
export type Country = 'BE' | 'NL' | 'LU' | 'FR';

export interface City {
  country: Country;
  postcode: string;
  /** The city's name in each language spoken there; Brussels communes have both. */
  names: Partial<Record<'FR' | 'NL', string>>;
  /** Telephone area code, without the country prefix or trunk zero. */
  zone: string;
  /** The value of the REGION custom field, per language. */
  region: Partial<Record<'FR' | 'NL', string>>;
}

const BRUSSELS = { FR: 'Bruxelles', NL: 'Brussel' };
const WALLONIA = { FR: 'Wallonie' };
const FLANDERS = { NL: 'Vlaanderen' };

const brussels = (postcode: string, fr: string, nl: string): City => ({
  country: 'BE',
  postcode,
  names: { FR: fr, NL: nl },
  zone: '2',
  region: BRUSSELS,
});
const wallonia = (postcode: string, name: string, zone: string): City => ({
  country: 'BE',
  postcode,
  names: { FR: name },
  zone,
  region: WALLONIA,
});
const flanders = (postcode: string, name: string, zone: string): City => ({
  country: 'BE',
  postcode,
  names: { NL: name },
  zone,
  region: FLANDERS,
});

export const BELGIAN_CITIES: readonly City[] = [
  brussels('1000', 'Bruxelles', 'Brussel'),
  brussels('1030', 'Schaerbeek', 'Schaarbeek'),
  brussels('1040', 'Etterbeek', 'Etterbeek'),
  brussels('1050', 'Ixelles', 'Elsene'),
  brussels('1070', 'Anderlecht', 'Anderlecht'),
  brussels('1180', 'Uccle', 'Ukkel'),
  brussels('1200', 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe'),
  wallonia('4000', 'Liège', '4'),
  wallonia('4100', 'Seraing', '4'),
  wallonia('5000', 'Namur', '81'),
  wallonia('6000', 'Charleroi', '71'),
  wallonia('7000', 'Mons', '65'),
  wallonia('7100', 'La Louvière', '64'),
  wallonia('7500', 'Tournai', '69'),
  wallonia('1300', 'Wavre', '10'),
  wallonia('1348', 'Louvain-la-Neuve', '10'),
  wallonia('1400', 'Nivelles', '67'),
  wallonia('1410', 'Waterloo', '2'),
  wallonia('1420', "Braine-l'Alleud", '2'),
  wallonia('4500', 'Huy', '85'),
  wallonia('4700', 'Eupen', '87'),
  wallonia('4800', 'Verviers', '87'),
  wallonia('5500', 'Dinant', '82'),
  wallonia('6600', 'Bastogne', '61'),
  wallonia('6700', 'Arlon', '63'),
  wallonia('6900', 'Marche-en-Famenne', '84'),
  flanders('9000', 'Gent', '9'),
  flanders('2000', 'Antwerpen', '3'),
  flanders('3000', 'Leuven', '16'),
  flanders('8000', 'Brugge', '50'),
  flanders('3500', 'Hasselt', '11'),
  flanders('2800', 'Mechelen', '15'),
  flanders('8500', 'Kortrijk', '56'),
  flanders('9300', 'Aalst', '53'),
  flanders('8400', 'Oostende', '59'),
  flanders('3600', 'Genk', '89'),
  flanders('9100', 'Sint-Niklaas', '3'),
  flanders('8800', 'Roeselare', '51'),
  flanders('2300', 'Turnhout', '14'),
  flanders('8900', 'Ieper', '57'),
  flanders('2500', 'Lier', '3'),
  flanders('9200', 'Dendermonde', '52'),
  flanders('3300', 'Tienen', '16'),
  flanders('1930', 'Zaventem', '2'),
  flanders('1800', 'Vilvoorde', '2'),
  flanders('3700', 'Tongeren', '12'),
  flanders('8300', 'Knokke-Heist', '50'),
  flanders('9830', 'Sint-Martens-Latem', '9'),
];

export const NEIGHBOUR_CITIES: Readonly<Record<Exclude<Country, 'BE'>, readonly City[]>> = {
  NL: [
    { country: 'NL', postcode: '6211 LK', names: { NL: 'Maastricht' }, zone: '43', region: { NL: 'Nederland' } },
    { country: 'NL', postcode: '4811 AA', names: { NL: 'Breda' }, zone: '76', region: { NL: 'Nederland' } },
    { country: 'NL', postcode: '3011 AD', names: { NL: 'Rotterdam' }, zone: '10', region: { NL: 'Nederland' } },
    { country: 'NL', postcode: '5611 AB', names: { NL: 'Eindhoven' }, zone: '40', region: { NL: 'Nederland' } },
    { country: 'NL', postcode: '4531 GA', names: { NL: 'Terneuzen' }, zone: '115', region: { NL: 'Nederland' } },
  ],
  LU: [
    { country: 'LU', postcode: '1616', names: { FR: 'Luxembourg' }, zone: '', region: { FR: 'Luxembourg' } },
    { country: 'LU', postcode: '4002', names: { FR: 'Esch-sur-Alzette' }, zone: '', region: { FR: 'Luxembourg' } },
    { country: 'LU', postcode: '9053', names: { FR: 'Ettelbruck' }, zone: '', region: { FR: 'Luxembourg' } },
  ],
  FR: [
    { country: 'FR', postcode: '59000', names: { FR: 'Lille' }, zone: '3', region: { FR: 'France' } },
    { country: 'FR', postcode: '59300', names: { FR: 'Valenciennes' }, zone: '3', region: { FR: 'France' } },
    { country: 'FR', postcode: '51100', names: { FR: 'Reims' }, zone: '3', region: { FR: 'France' } },
    { country: 'FR', postcode: '57000', names: { FR: 'Metz' }, zone: '3', region: { FR: 'France' } },
    { country: 'FR', postcode: '75008', names: { FR: 'Paris' }, zone: '1', region: { FR: 'France' } },
  ],
};

export const STREETS: Readonly<Record<'BE-FR' | 'BE-NL' | Exclude<Country, 'BE'>, readonly string[]>> = {
  'BE-FR': [
    'Rue de la Station', 'Rue Haute', 'Avenue Louise', 'Chaussée de Waterloo', 'Rue des Écoles',
    'Place Saint-Lambert', "Boulevard d'Avroy", 'Rue Émile Vandervelde', 'Rue du Marché',
    'Avenue de la Gare', "Rue de l'Église", 'Chaussée de Bruxelles', 'Rue des Prés', 'Rue de Fléron',
    'Quai de la Batte', 'Rue Léopold', 'Rue Général Leman', 'Rue du Château', 'Rue de Namur',
    'Rue Saint-Gilles', 'Avenue des Érables', 'Rue de la Brasserie', 'Chaussée de Liège',
  ],
  'BE-NL': [
    'Kerkstraat', 'Stationsstraat', 'Meir', 'Veldstraat', 'Grote Markt', 'Dorpsstraat',
    'Brusselsesteenweg', 'Kortrijksesteenweg', 'Molenstraat', 'Nieuwstraat', 'Schoolstraat',
    'Leopoldlaan', 'Koningin Astridlaan', 'Industrieweg', 'Kapelstraat', 'Hoogstraat',
    'Sint-Jansplein', 'Mechelsesteenweg', 'Diestsestraat', 'Vaartstraat', 'Onze-Lieve-Vrouwestraat',
  ],
  NL: ['Markt', 'Hoofdstraat', 'Wilhelminastraat', 'Stationsplein', 'Kerkstraat', 'Oranjelaan'],
  LU: ['Boulevard Royal', 'Rue de la Gare', 'Avenue de la Liberté', 'Grand-Rue', "Rue de l'Alzette"],
  FR: ['Rue Nationale', 'Boulevard de la Liberté', 'Rue de Béthune', 'Rue Esquermoise', 'Avenue Foch'],
};

/** Belgian mobile prefixes (after +32 4). */
export const MOBILE_PREFIXES = ['70', '75', '76', '77', '78', '79', '85', '86', '95', '96', '97', '98', '99'];
