import type { Command } from 'commander';
import { practiceCsv, practiceExport } from '../../app/practice/export.ts';
import { output, withDataset } from '../context.ts';
import { UsageError } from '../errors.ts';

export default function register(program: Command): void {
  const practice = program.command('practice').description('the good-practice library');

  practice
    .command('export')
    .description('print every published practice record (a line each, --json or --csv)')
    .option('--json', 'print JSON: { total, items } with each record’s published version')
    .option('--csv', 'print CSV, one row per record')
    .action(async (options: { json?: boolean; csv?: boolean }) => {
      if (options.json && options.csv) throw new UsageError('choose one of --json and --csv');
      const { value, dataset } = await withDataset((ctx) => practiceExport(ctx));
      if (options.csv) return void process.stdout.write(practiceCsv(value, dataset));
      output(
        options.json,
        value,
        () =>
          [
            `${value.total} published practice record${value.total === 1 ? '' : 's'}`,
            ...value.items.map(
              (r) =>
                `${r.id}  ${r.title} (${r.schools[0]!.name}); evidence: ${r.evidence.label}${r.example ? '; example (synthetic)' : ''}`,
            ),
          ].join('\n'),
        dataset,
      );
    });
}
