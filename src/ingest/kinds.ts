import { ImportError } from './import-error.ts';
import type { Columns } from './row.ts';

export type FileKind = 'gias' | 'ofsted' | 'ks2' | 'ks4' | 'links' | 'census';

export const KIND_LABELS: Record<FileKind, string> = {
  gias: 'a GIAS establishments extract',
  ofsted: 'an Ofsted inspection outcomes file',
  ks2: 'a KS2 performance table',
  ks4: 'a KS4 performance table',
  links: 'a GIAS links file',
  census: 'a school census file',
};

/** Columns that only one of the published layouts has, so a header says which file it is. */
const SIGNATURES: [FileKind, string[][]][] = [
  ['gias', [['EstablishmentName', 'TypeOfEstablishment (name)']]],
  ['links', [['LinkURN', 'LinkType']]],
  [
    'ks4',
    [
      ['RECTYPE', 'P8MEA'],
      ['RECTYPE', 'ATT8SCR'],
    ],
  ],
  [
    'ks2',
    [
      ['RECTYPE', 'READPROG'],
      ['RECTYPE', 'PTRWM_EXP'],
      ['RECTYPE', 'TELIG'],
    ],
  ],
  ['census', [['SCHOOLTYPE', 'NOR']]],
  [
    'ofsted',
    [
      ['URN', 'Overall effectiveness'],
      ['URN', 'Inspection start date'],
      ['URN', 'Quality of education'],
    ],
  ],
];

export function detectKind(columns: Columns): FileKind | null {
  for (const [kind, alternatives] of SIGNATURES) {
    if (alternatives.some((names) => names.every((n) => columns.has(n)))) return kind;
  }
  return null;
}

/**
 * Refuses a file whose header lacks a column the reader needs, saying which file it looks like
 * when it is another of the published layouts.
 */
export function requireColumns(file: string, columns: Columns, kind: FileKind, required: string[]): void {
  const detected = detectKind(columns);
  if (detected !== null && detected !== kind)
    throw ImportError.at(
      { file, row: 1 },
      `this looks like ${KIND_LABELS[detected]}, not ${KIND_LABELS[kind]}`,
    );
  const missing = required.filter((name) => !columns.has(name));
  if (missing.length > 0)
    throw new ImportError(
      missing.map((field) => ({
        file,
        row: 1,
        field,
        message: `missing required column for ${KIND_LABELS[kind]}`,
      })),
    );
}
