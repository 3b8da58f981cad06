import type { Allocation } from '../../domain/allocation/allocate.ts';
import { provenanceComment, type DatasetProvenance } from '../../domain/provenance.ts';
import { writeCsv } from '../csv.ts';

/** One row per school in need: its supporter, or why it has none; first, which data it rests on. */
export function allocationCsv(allocation: Allocation, dataset: DatasetProvenance): string {
  const header = [
    'URN',
    'School',
    'Status',
    'Supporter URN',
    'Supporter',
    'Distance km',
    'Score',
    'Remote',
    'Why',
  ];
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
