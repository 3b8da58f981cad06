import { reasonWordsOf, type Allocation } from '../../domain/allocation/index.ts';
import { provenanceComment, type DatasetProvenance } from '../../domain/provenance.ts';
import { phrase, type Phrase } from '../../domain/words.ts';
import { writeCsv } from '../csv.ts';
import type { Translate } from '../../i18n/index.ts';

const COLUMNS = [
  'urn',
  'school',
  'status',
  'supporterUrn',
  'supporter',
  'distanceKm',
  'score',
  'remote',
  'why',
] as const;

/** How the CSV's words are written: its headings and values (`t`), and the domain's phrases. */
export interface CsvWords {
  t: Translate;
  write: (phrase: Phrase) => string;
}

/**
 * One row per school in need: its supporter, or why it has none; first, which data it rests on.
 * Its words (that first line, the headings, the statuses and the reasons) are in the reader's
 * language; the CLI's in English.
 */
export function allocationCsv(
  { allocation }: { allocation: Allocation },
  dataset: DatasetProvenance,
  { t, write }: CsvWords,
): string {
  const header = COLUMNS.map((c) => t(`csv.allocation.${c}`));
  const rows = [
    ...allocation.assignments.map((a) => [
      a.urn,
      a.name,
      t('csv.allocationCells.supported'),
      a.supporterUrn,
      a.supporterName,
      a.distanceKm,
      a.score,
      t(a.remote ? 'csv.allocationCells.yes' : 'csv.allocationCells.no'),
      (reasonWordsOf(a) ?? []).map(write).join('; '),
    ]),
    ...allocation.unsupported.map((u) => [
      u.urn,
      u.name,
      t('csv.allocationCells.unsupported'),
      '',
      '',
      '',
      '',
      '',
      write(u.words),
    ]),
  ];
  const say = (template: string, values?: Record<string, string>) => write(phrase(template, values));
  return provenanceComment(dataset, [], say) + writeCsv(header, rows);
}
