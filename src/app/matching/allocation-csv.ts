import type { Allocation } from '../../domain/allocation/allocate.ts';
import { provenanceComment, type DatasetProvenance } from '../../domain/provenance.ts';
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

/**
 * One row per school in need: its supporter, or why it has none; first, which data it rests on.
 * The headings are in the reader's language (`t`); the CLI's stay English.
 */
export function allocationCsv(allocation: Allocation, dataset: DatasetProvenance, t: Translate): string {
  const header = COLUMNS.map((c) => t(`csv.allocation.${c}`));
  const rows = [
    ...allocation.assignments.map((a) => [
      a.urn,
      a.name,
      'supported',
      a.supporterUrn,
      a.supporterName,
      a.distanceKm,
      a.score,
      a.remote ? 'yes' : 'no',
      a.reasons.join('; '),
    ]),
    ...allocation.unsupported.map((u) => [u.urn, u.name, 'unsupported', '', '', '', '', '', u.text]),
  ];
  return provenanceComment(dataset) + writeCsv(header, rows);
}
