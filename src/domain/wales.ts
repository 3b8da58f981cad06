/**
 * What is particular to schools in Wales: the language they teach through and the regional
 * arrangement their local authority belongs to. Plain data only.
 */

/**
 * The language medium in four groups, from the Welsh Government's "Welsh medium type" of each
 * school (the 2007 categories, still the ones the address list of schools publishes): Welsh-medium
 * (with transitional schools, where Welsh is the language of the school's day-to-day business),
 * bilingual (types A, B, C and Ch, and dual stream), English-medium with significant Welsh, and
 * English-medium.
 */
export const LANGUAGE_MEDIA = [
  'welsh-medium',
  'bilingual',
  'english-with-significant-welsh',
  'english-medium',
] as const;
export type LanguageMedium = (typeof LANGUAGE_MEDIA)[number];

/** The published "Welsh Medium Type" (or its "WM Code"), lower-cased, to its group. */
const PUBLISHED_MEDIUM: Record<string, LanguageMedium> = {
  'welsh medium': 'welsh-medium',
  transitional: 'welsh-medium',
  'dual stream': 'bilingual',
  'bilingual (category a)': 'bilingual',
  'bilingual (category b)': 'bilingual',
  'bilingual (category c)': 'bilingual',
  'bilingual (category ch)': 'bilingual',
  'bilingual type a': 'bilingual',
  'bilingual type b': 'bilingual',
  'bilingual type c': 'bilingual',
  'bilingual type ch': 'bilingual',
  'english with significant welsh': 'english-with-significant-welsh',
  'english medium': 'english-medium',
  // The WM Code column's codes for the same types.
  wm: 'welsh-medium',
  tr: 'welsh-medium',
  ds: 'bilingual',
  ab: 'bilingual',
  bb: 'bilingual',
  cb: 'bilingual',
  ch: 'bilingual',
  ew: 'english-with-significant-welsh',
  em: 'english-medium',
};

/** Nursery and special schools have no Welsh medium type: the list says "Not applicable". */
export const NOT_APPLICABLE_MEDIUM = /^(not applicable|n\/a|na|---)$/i;

/** The group of a published Welsh medium type or code; undefined when it is not one. */
export function languageMediumOf(published: string): LanguageMedium | undefined {
  return PUBLISHED_MEDIUM[published.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/** The Welsh Government's LA codes for the 22 Welsh authorities. */
export const WELSH_LA_CODES = { from: 660, to: 681 } as const;

/** The Welsh names of the Welsh LAs, by LA code, as the authorities write them. */
export const WELSH_LA_NAMES_CY: Record<string, string> = {
  '660': 'Ynys Môn',
  '661': 'Gwynedd',
  '662': 'Conwy',
  '663': 'Sir Ddinbych',
  '664': 'Sir y Fflint',
  '665': 'Wrecsam',
  '666': 'Powys',
  '667': 'Ceredigion',
  '668': 'Sir Benfro',
  '669': 'Sir Gaerfyrddin',
  '670': 'Abertawe',
  '671': 'Castell-nedd Port Talbot',
  '672': 'Pen-y-bont ar Ogwr',
  '673': 'Bro Morgannwg',
  '674': 'Rhondda Cynon Taf',
  '675': 'Merthyr Tudful',
  '676': 'Caerffili',
  '677': 'Blaenau Gwent',
  '678': 'Tor-faen',
  '679': 'Sir Fynwy',
  '680': 'Casnewydd',
  '681': 'Caerdydd',
};

/**
 * The Welsh names of the Welsh parliamentary constituencies (July 2024 boundaries), by ONS code, as
 * the ONS boundary file publishes them (PCON24NMW). Gower (W07000097) and Montgomeryshire and
 * Glyndwr (W07000102) have none there, so they keep their one published name.
 */
export const WELSH_CONSTITUENCY_NAMES_CY: Record<string, string> = {
  W07000081: 'Aberafan Maesteg',
  W07000082: 'Alun a Glannau Dyfrdwy',
  W07000083: 'Bangor Aberconwy',
  W07000084: 'Blaenau Gwent a Rhymni',
  W07000085: 'Aberhonddu, Maesyfed a Chwm-tawe',
  W07000086: 'Pen-y-bont',
  W07000087: 'Caerfyrddin',
  W07000088: 'Caerffili',
  W07000089: 'Dwyrain Caerdydd',
  W07000090: 'Gogledd Caerdydd',
  W07000091: 'De Caerdydd a Phenarth',
  W07000092: 'Gorllewin Caerdydd',
  W07000093: 'Ceredigion Preseli',
  W07000094: 'Dwyrain Clwyd',
  W07000095: 'Gogledd Clwyd',
  W07000096: 'Dwyfor Meirionnydd',
  W07000098: 'Llanelli',
  W07000099: 'Merthyr Tudful ac Aberdâre',
  W07000100: 'Canol a De Sir Benfro',
  W07000101: 'Sir Fynwy',
  W07000103: 'Castell-nedd a Dwyrain Abertawe',
  W07000104: 'Dwyrain Casnewydd',
  W07000105: 'Gorllewin Casnewydd ac Islwyn',
  W07000106: 'Pontypridd',
  W07000107: 'Rhondda ac Ogwr',
  W07000108: 'Gorllewin Abertawe',
  W07000109: 'Torfaen',
  W07000110: 'Bro Morgannwg',
  W07000111: 'Wrecsam',
  W07000112: 'Ynys Môn',
};

export function isWelshLaCode(code: string | null | undefined): boolean {
  const n = Number(code);
  return Number.isInteger(n) && n >= WELSH_LA_CODES.from && n <= WELSH_LA_CODES.to;
}

/**
 * A Welsh school's number: its 3-digit LA code and a 4-digit school number, 7 digits in all
 * (6602130). English URNs have six digits, so the two never collide in one registry.
 */
export function isWelshSchoolNumber(id: number): boolean {
  return Number.isInteger(id) && isWelshLaCode(String(Math.floor(id / 10_000))) && id < 10_000_000;
}

/**
 * What a school's number is called where it is shown: an English school's is its URN (the DfE's
 * unique reference number); a Welsh school's is not a URN but its Welsh Government school number,
 * held in the same field. Pages and messages name it by this kind, in each language's words.
 */
export type SchoolIdKind = 'urn' | 'schoolNumber';

/** How a school's number is typed: a URN (5 or 6 digits) or a Welsh school number (7). */
export const SCHOOL_ID_PATTERN = /^\d{5,7}$/;

export const schoolIdKindOf = (id: number): SchoolIdKind =>
  isWelshSchoolNumber(id) ? 'schoolNumber' : 'urn';

/** A school's number with its name in English, as a label ("URN 100001", "School number 6814002"). */
export const schoolIdInEnglish = (id: number): string =>
  `${schoolIdKindOf(id) === 'urn' ? 'URN' : 'School number'} ${id}`;

/**
 * The Welsh Government's number of a Welsh establishment that GIAS also lists: GIAS files it under
 * its Welsh LA code, with the school's four digits as its `EstablishmentNumber`, so the two read
 * together are the address list's "School Number". Null for an English row or a malformed one.
 */
export function welshNumberOf(laCode: string | null, establishmentNumber: string | null): number | null {
  if (!isWelshLaCode(laCode) || establishmentNumber === null || !/^\d{1,4}$/.test(establishmentNumber.trim()))
    return null;
  return Number(laCode) * 10_000 + Number(establishmentNumber.trim());
}

export const CONSORTIA = ['gwe', 'csc', 'eas', 'partneriaeth', 'none'] as const;
export type Consortium = (typeof CONSORTIA)[number];

/**
 * The regional school-improvement arrangement of each Welsh LA as it stood from September 2021,
 * when ERW was dissolved (Carmarthenshire, Pembrokeshire and Swansea formed Partneriaeth;
 * Ceredigion, Powys and Neath Port Talbot left for arrangements of their own), until the
 * consortia began to be wound down under the School Improvement Partnership Programme (2024 on).
 */
export const CONSORTIUM_ERA = 'September 2021 to 2024';

const CONSORTIUM_OF_LA: Record<string, Consortium> = {
  '660': 'gwe', // Isle of Anglesey
  '661': 'gwe', // Gwynedd
  '662': 'gwe', // Conwy
  '663': 'gwe', // Denbighshire
  '664': 'gwe', // Flintshire
  '665': 'gwe', // Wrexham
  '666': 'none', // Powys
  '667': 'none', // Ceredigion
  '668': 'partneriaeth', // Pembrokeshire
  '669': 'partneriaeth', // Carmarthenshire
  '670': 'partneriaeth', // Swansea
  '671': 'none', // Neath Port Talbot
  '672': 'csc', // Bridgend
  '673': 'csc', // Vale of Glamorgan
  '674': 'csc', // Rhondda Cynon Taf
  '675': 'csc', // Merthyr Tydfil
  '676': 'eas', // Caerphilly
  '677': 'eas', // Blaenau Gwent
  '678': 'eas', // Torfaen
  '679': 'eas', // Monmouthshire
  '680': 'eas', // Newport
  '681': 'csc', // Cardiff
};

/** The consortium of a Welsh LA; undefined for an LA outside Wales. */
export function consortiumOf(laCode: string | null | undefined): Consortium | undefined {
  return laCode ? CONSORTIUM_OF_LA[laCode] : undefined;
}

/**
 * Estyn's inspections in their eras: until the summer of 2022 a report gave summary judgements
 * (excellent, good, adequate, unsatisfactory) for each inspection area; since September 2022
 * reports are narrative, with no summative grade. Both can put a school into follow-up.
 */
export const ESTYN_NARRATIVE_FROM = '2022-09-01';
export type EstynEra = 'summary-judgements' | 'narrative';

export const estynEraOf = (startDate: string): EstynEra =>
  startDate < ESTYN_NARRATIVE_FROM ? 'summary-judgements' : 'narrative';

/** The Welsh context of a Welsh school, as its profile shows it and the API answers it. */
export interface WelshContext {
  languageMedium: LanguageMedium | null;
  /** As the Welsh Government's list published it. */
  welshMediumType: string | null;
  consortium: Consortium | null;
  /** Which arrangement `consortium` describes. */
  consortiumEra: string;
  /** Estyn inspections on record, newest first; none held means not enough evidence. */
  estynInspections: { startDate: string; era: EstynEra; followUp: string | null }[];
  /** False when no Estyn inspection is on record: S2S then places the school nowhere. */
  enoughEvidence: boolean;
}

/** The Welsh context of a school, or null for a school outside Wales. */
export function welshContextOf(school: {
  country: string;
  localAuthority: { code: string } | null;
  languageMedium?: LanguageMedium | null;
  welshMediumType?: string | null;
  inspections: { era: string; startDate: string; estynFollowUp: string | null }[];
}): WelshContext | null {
  if (school.country !== 'Wales') return null;
  const estyn = school.inspections
    .filter((i) => i.era === 'estyn')
    .map((i) => ({ startDate: i.startDate, era: estynEraOf(i.startDate), followUp: i.estynFollowUp }));
  return {
    languageMedium: school.languageMedium ?? null,
    welshMediumType: school.welshMediumType ?? null,
    consortium: consortiumOf(school.localAuthority?.code) ?? null,
    consortiumEra: CONSORTIUM_ERA,
    estynInspections: estyn,
    enoughEvidence: estyn.length > 0,
  };
}
