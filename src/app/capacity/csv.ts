import { formatNumber } from '../../domain/format.ts';
import { provenanceComment, type DatasetProvenance } from '../../domain/provenance.ts';
import { phrase } from '../../domain/words.ts';
import { writeCsv } from '../csv.ts';
import type { CsvWords } from '../matching/allocation-csv.ts';
import { radiusInWords, reachInWords, type CapacityWithLeaders } from './capacity.ts';

/**
 * One row per area, then the total: the same figures as the table, for spreadsheets, under a
 * first line saying which data they rest on (and that the demo's example system leaders are left
 * out), all in the reader's language. The system leaders' cells are blank while the database is
 * unreachable (not counted, rather than none).
 */
export function capacityCsv(
  result: CapacityWithLeaders,
  dataset: DatasetProvenance,
  { t, write }: CsvWords,
): string {
  const buckets = result.total.distribution.map((b) =>
    t('capacity.csv.reaching', { band: reachInWords(t, b) }),
  );
  const header = [
    t('capacity.csv.code'),
    t('capacity.column.name'),
    t('capacity.csv.highPerforming'),
    t('capacity.csv.inNeed'),
    t('capacity.ratio'),
    t('capacity.csv.median', { radius: radiusInWords(t, result) }),
    t('capacity.csv.noneWithinReach'),
    t('capacity.csv.notLocated'),
    ...buckets,
    t('capacity.column.systemLeaders'),
    t('capacity.column.systemLeaderDays'),
  ];
  const rows = [...result.areas, result.total].map((area) => [
    area.code,
    area.name,
    area.highPerforming,
    area.inNeed,
    area.ratio === null ? '' : area.ratio.toFixed(3),
    area.medianHighPerformingWithinRadius ?? '',
    area.inNeedOutOfReach.length,
    area.inNeedNotLocated,
    ...area.distribution.map((b) => b.inNeed),
    area.systemLeaders ?? '',
    area.systemLeaderDaysAvailable ?? '',
  ]);
  const examples = result.exampleLeadersLeftOut
    ? [
        t('capacity.csv.exampleLeadersLeftOut', {
          count: result.exampleLeadersLeftOut,
          number: formatNumber(result.exampleLeadersLeftOut),
        }),
      ]
    : [];
  const say = (template: string, values?: Record<string, string>) => write(phrase(template, values));
  return provenanceComment(dataset, examples, say) + writeCsv(header, rows);
}
