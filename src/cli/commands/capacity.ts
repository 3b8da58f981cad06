import type { Command } from 'commander';
import { CAPACITY_GEOGRAPHY_LABELS } from '../../domain/capacity/aggregate.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import {
  capacityAnswer,
  capacityWithLeaders,
  capacityFor,
  radiusInWords,
  type CapacityResult,
} from '../../app/capacity/capacity.ts';
import { capacityCsv } from '../../app/capacity/csv.ts';
import { capacityQuery } from '../../app/capacity/query.ts';
import { parseInput } from '../../app/result.ts';
import { output, withDataset } from '../context.ts';
import { valueOf } from '../problem.ts';
import { translatePhrase, translator } from '../../i18n/index.ts';

/** The command line speaks English. */
const english = translator('en');

function describe(result: CapacityResult): string {
  const figure = (n: number | null, digits: number) => (n === null ? '–' : n.toFixed(digits));
  const rows = [...result.areas, result.total].map((a) => [
    a.name,
    String(a.highPerforming),
    String(a.inNeed),
    figure(a.ratio, 2),
    figure(a.medianHighPerformingWithinRadius, 1),
    String(a.inNeedOutOfReach.length),
  ]);
  const header = [
    CAPACITY_GEOGRAPHY_LABELS[result.by],
    'High-performing',
    'In need',
    'Ratio',
    'Median within reach',
    'None within reach',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `${result.phase ? PHASE_LABELS[result.phase] : 'All phases'}, radius ${radiusInWords(english, result)}, profile ${result.profile.title}`,
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}

export default function register(program: Command): void {
  program
    .command('capacity')
    .description('high-performing and in-need schools, their ratio and reach, by area')
    .option('--by <areas>', 'country, region, la, constituency or consortium (Wales)', 'la')
    .option('--phase <phase>', 'one phase, e.g. primary or secondary (default: every phase)')
    .option('--radius-km <km>', "how far to look for high-performing schools (default: each phase's own)")
    .option(
      '--profile <name>',
      'performance profile (default: the active one, nfer-2017 unless an administrator chose another)',
    )
    .option('--csv', 'print CSV, as the page downloads')
    .option('--json', 'print JSON, exactly as GET /api/capacity answers')
    .action(
      async (opts: {
        by: string;
        phase?: string;
        radiusKm?: string;
        profile?: string;
        csv?: boolean;
        json?: boolean;
      }) => {
        const query = valueOf(parseInput(capacityQuery, { ...opts, csv: undefined, json: undefined }));
        const { value, dataset } = await withDataset(async (ctx) => {
          const result = valueOf(await capacityFor(ctx, query));
          return {
            result,
            withLeaders: opts.json || opts.csv ? await capacityWithLeaders(ctx, result) : null,
          };
        });
        const { result, withLeaders } = value;
        if (withLeaders && opts.csv)
          return void process.stdout.write(
            capacityCsv(withLeaders, dataset, { t: english, write: (p) => translatePhrase('en', p) }),
          );
        output(opts.json, capacityAnswer(withLeaders ?? result), () => describe(result), dataset);
      },
    );
}
