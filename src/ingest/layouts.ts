/**
 * The columns S2S writes when it produces files in the published layouts (the demo dataset and
 * the synthetic generator), in the publishers' order. The readers accept the full files too.
 */
export const GIAS_LAYOUT = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentNumber',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'EstablishmentTypeGroup (name)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'NumberOfPupils',
  'PercentageFSM',
  'Trusts (name)',
  'Federations (name)',
  'Town',
  'Postcode',
  'GOR (code)',
  'GOR (name)',
  'ParliamentaryConstituency (code)',
  'ParliamentaryConstituency (name)',
  'UrbanRural (name)',
  'Easting',
  'Northing',
  'SENStat',
  'SENNoStat',
] as const;

export const OFSTED_LAYOUT = [
  'URN',
  'School name',
  'Ofsted phase',
  'Local authority',
  'Inspection number of latest graded inspection',
  'Inspection type',
  'Inspection start date of latest graded inspection',
  'Publication date of latest graded inspection',
  'Overall effectiveness',
  'Category of concern',
  'Quality of education',
  'Behaviour and attitudes',
  'Personal development',
  'Effectiveness of leadership and management',
  'Safeguarding is effective?',
  'Early years provision (where applicable)',
  'Sixth form provision (where applicable)',
  'Inclusion',
  'Curriculum and teaching',
  'Achievement',
  'Attendance and behaviour',
  'Personal development and well-being',
  'Leadership and governance',
  'Early years',
  'Post-16 provision',
  'Safeguarding',
  'Previous inspection number',
  'Previous inspection start date',
  'Previous publication date',
  'Previous overall effectiveness',
  'Previous category of concern',
  'Previous quality of education',
  'Previous behaviour and attitudes',
  'Previous personal development',
  'Previous effectiveness of leadership and management',
  'Previous safeguarding is effective?',
] as const;

export const KS2_LAYOUT = [
  'RECTYPE',
  'URN',
  'SCHNAME',
  'PCODE',
  'TOWN',
  'TELIG',
  'PTRWM_EXP',
  'PTREAD_EXP',
  'PTWRITTA_EXP',
  'PTMAT_EXP',
  'READPROG',
  'WRITPROG',
  'MATPROG',
] as const;

export const KS4_LAYOUT = [
  'RECTYPE',
  'URN',
  'SCHNAME',
  'PCODE',
  'TOWN',
  'TPUP',
  'P8MEA',
  'ATT8SCR',
  'PTL2BASICS_95',
] as const;

export const CENSUS_LAYOUT = [
  'URN',
  'LA',
  'ESTAB',
  'SCHOOLTYPE',
  'NOR',
  'PNUMEAL',
  'PSENELSE',
  'PSENELK',
  'NUMFSM',
] as const;

/** A row keyed by a layout's column names, written in the layout's order. */
export function inLayout<L extends readonly string[]>(
  layout: L,
  row: Partial<Record<L[number], string | number | null>>,
) {
  return layout.map((column: L[number]) => row[column] ?? null);
}
