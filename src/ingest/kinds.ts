import { ImportError } from './import-error.ts';
import type { Columns } from './row.ts';

export type FileKind =
  | 'gias'
  | 'ofsted'
  | 'ofsted-ratings'
  | 'ks2'
  | 'ks4'
  | 'links'
  | 'census'
  | 'wales-schools'
  | 'estyn'
  | 'wales-categorisation';

export const KIND_LABELS: Record<FileKind, string> = {
  gias: 'a GIAS establishments extract',
  ofsted: 'an Ofsted inspection outcomes file',
  'ofsted-ratings': 'an Ofsted ratings summary without inspection dates',
  ks2: 'a KS2 performance table',
  ks4: 'a KS4 performance table',
  links: 'a GIAS links file',
  census: 'a school census file',
  'wales-schools': 'the Welsh Government’s address list of schools (maintained schools)',
  estyn: 'Estyn’s inspection outcomes of maintained schools',
  'wales-categorisation': 'the Welsh Government’s national school categorisation (support categories)',
};

/** The command that imports each kind, quoted when a file is given to the wrong one. */
const IMPORT_COMMANDS: Record<FileKind, string> = {
  gias: 's2s import gias FILE',
  ofsted: 's2s import ofsted FILE',
  'ofsted-ratings': 's2s import ofsted-ratings FILE --as-of DATE',
  ks2: 's2s import performance FILE',
  ks4: 's2s import performance FILE',
  links: 's2s import links FILE',
  census: 's2s import census FILE',
  'wales-schools': 's2s import wales-schools FILE',
  estyn: 's2s import estyn FILE',
  'wales-categorisation': 's2s import wales-categorisation FILE',
};

/** Ofsted's inspection dates across releases, and the columns that carry them in other files. */
export const INSPECTION_DATE_COLUMNS = [
  'Inspection start date of latest graded inspection',
  'Inspection start date',
  'Inspection date',
  'OfstedLastInsp',
  'INSPECTIONDT',
];

/** An overall rating without its date: ratings summaries and the GIAS extract's Ofsted columns. */
export const RATING_COLUMNS = [
  'Overall effectiveness',
  'Latest overall effectiveness',
  'Overall rating',
  'Ofsted rating',
  'OfstedRating (name)',
  'OFSTEDRATING',
];

/** A published layout recognised by its columns: one S2S imports, or one it names and declines. */
interface KnownLayout {
  label: string;
  /** Any one of these sets of columns, all present, says it is this layout. */
  signatures: string[][];
  /** Columns this layout never has (a ratings summary has no inspection date). */
  without?: string[];
  kind?: FileKind;
  /** For layouts S2S does not import: what to do instead. */
  advice?: string;
}

const anyOf = (first: string, others: string[]) => others.map((o) => [first, o]);

// Checked in order: the first match names the file, so the more specific layouts come first.
const LAYOUTS: KnownLayout[] = [
  {
    kind: 'gias',
    label: KIND_LABELS.gias,
    signatures: [['EstablishmentName', 'TypeOfEstablishment (name)']],
  },
  { kind: 'links', label: KIND_LABELS.links, signatures: [['LinkURN', 'LinkType']] },
  {
    kind: 'estyn',
    label: KIND_LABELS.estyn,
    signatures: [
      ['Provider Number', 'Follow-up Activity'],
      ['School Number', 'Follow-up Activity'],
    ],
  },
  {
    kind: 'wales-categorisation',
    label: KIND_LABELS['wales-categorisation'],
    signatures: [['School Number', 'Support Category']],
  },
  {
    kind: 'wales-schools',
    label: KIND_LABELS['wales-schools'],
    signatures: [
      ['School Number', 'Sector'],
      ['School Number', 'WM Code'],
    ],
  },
  {
    label: 'a sheet of independent schools or pupil referral units from the Welsh address list of schools',
    signatures: [['School Number', 'School Name']],
    advice: 'S2S imports the sheet of maintained schools, saved as CSV: `s2s import wales-schools FILE`',
  },
  {
    kind: 'ks4',
    label: KIND_LABELS.ks4,
    signatures: [
      ['RECTYPE', 'P8MEA'],
      ['RECTYPE', 'ATT8SCR'],
    ],
  },
  {
    kind: 'ks2',
    label: KIND_LABELS.ks2,
    signatures: [
      ['RECTYPE', 'READPROG'],
      ['RECTYPE', 'PTRWM_EXP'],
      ['RECTYPE', 'TELIG'],
    ],
  },
  {
    label: 'a KS5 (16 to 18) performance table',
    signatures: [
      ['RECTYPE', 'TALLPPE_ALEV_1618'],
      ['RECTYPE', 'TPUP1618'],
    ],
    advice: 'S2S reads the KS2 and KS4 tables (england_ks2final.csv, england_ks4final.csv)',
  },
  { kind: 'census', label: KIND_LABELS.census, signatures: [['SCHOOLTYPE', 'NOR']] },
  {
    label: 'the performance tables’ school information file',
    signatures: [['URN', 'SCHSTATUS']],
    advice: 'the GIAS establishments extract has the same schools with more detail: `s2s import gias FILE`',
  },
  {
    kind: 'ofsted',
    label: KIND_LABELS.ofsted,
    signatures: anyOf('URN', INSPECTION_DATE_COLUMNS.slice(0, 3)),
  },
  {
    kind: 'ofsted-ratings',
    label: KIND_LABELS['ofsted-ratings'],
    signatures: anyOf('URN', RATING_COLUMNS),
    without: INSPECTION_DATE_COLUMNS,
  },
  {
    label: 'a list of open state-funded schools (name, town and postcode only)',
    signatures: [['urn', 'open_date']],
    advice:
      'import the GIAS establishments extract instead, which has every school with its details: `s2s import gias FILE`',
  },
  {
    label: 'the GIAS establishment types lookup',
    signatures: [['establishment-type-group-code', 'type-of-establishment-code']],
    advice: 'S2S reads establishment types from the GIAS extract itself',
  },
  {
    label: 'a lookup of local authority and region codes',
    signatures: [['LEA', 'REGION NAME'], ['English local authority (LA) name']],
    advice: 'S2S reads local authorities and regions from the GIAS extract itself',
  },
];

function detect(columns: Columns): KnownLayout | undefined {
  return LAYOUTS.find(
    (layout) =>
      layout.signatures.some((names) => names.every((n) => columns.has(n))) &&
      !(layout.without ?? []).some((n) => columns.has(n)),
  );
}

export function detectKind(columns: Columns): FileKind | null {
  return detect(columns)?.kind ?? null;
}

/** A column the reader needs: one name, or its spellings across releases. */
export type RequiredColumn = string | readonly string[];

const quoteAll = (names: readonly string[]) => names.map((n) => `"${n}"`).join(' or ');

/**
 * Refuses a file that is not one of the layouts a reader reads: another published layout is named
 * with the command that imports it (or why S2S does not), and a layout with columns missing gets
 * one message listing every one of them.
 */
export function checkLayout(
  file: string,
  columns: Columns,
  reads: FileKind | FileKind[],
  required: RequiredColumn[],
): void {
  const accepted = [reads].flat();
  const layout = detect(columns);
  const at = { file, row: 1 };
  if (layout && !(layout.kind && accepted.includes(layout.kind))) {
    throw ImportError.at(
      at,
      layout.kind
        ? `this is ${layout.label}; import it with \`${IMPORT_COMMANDS[layout.kind]}\``
        : `this is ${layout.label}, which S2S does not import: ${layout.advice}`,
    );
  }
  const missing = required.filter((c) => !(typeof c === 'string' ? [c] : c).some((n) => columns.has(n)));
  if (missing.length === 0) return;
  const expected = accepted.map((k) => KIND_LABELS[k]).join(' or ');
  const list = missing.map((c) => quoteAll(typeof c === 'string' ? [c] : c)).join(', ');
  const header = columns.header
    .slice(0, 5)
    .map((n) => `"${n}"`)
    .join(', ');
  // Most of the columns missing: more likely the wrong file than a changed layout.
  const wrongFile = !layout && missing.length > required.length / 2;
  throw ImportError.at(
    at,
    `${missing.length === 1 ? 'a column is' : `${missing.length} columns are`} missing for ${expected}: ${list}` +
      (wrongFile
        ? ` (its header starts ${header}${columns.header.length > 5 ? ', …' : ''}: is it the right file?)`
        : ''),
  );
}
