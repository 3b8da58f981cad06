import { Argument, type Command } from 'commander';
import {
  IMPORT_KINDS,
  importPublishedFile,
  KIND_LABELS,
  type ImportKind,
  type ImportSummary,
} from '../../app/imports/import-file.ts';
import { output, withApp } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';
import { byteProgress } from '../progress.ts';

export function describeSummary(s: ImportSummary): string {
  const lines = [
    `Imported ${s.file} (${KIND_LABELS[s.kind].replace(/^an? /, '')}${s.synthetic ? ', synthetic' : ''})`,
    `  rows read  ${s.rowsRead}`,
    `  inserted   ${s.inserted}`,
    `  updated    ${s.updated}`,
    `  unchanged  ${s.unchanged}`,
    `  skipped    ${s.skipped.reduce((n, r) => n + r.count, 0)}`,
    ...s.skipped.map((r) => `    ${String(r.count).padStart(6)}  ${r.reason}`),
  ];
  return lines.join('\n');
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1990 || year > 2100)
    throw new UsageError(`--year must be a four-digit year such as 2019 (got "${value}")`);
  return year;
}

export default function register(program: Command): void {
  program
    .command('import')
    .description('import a published file into the registry: all of it or, on any problem, none of it')
    .addArgument(new Argument('<kind>', 'which file it is').choices(IMPORT_KINDS))
    .argument('<file>', 'the CSV file as downloaded')
    .option(
      '--year <year>',
      'performance tables: the year the academic year ends (2019 for 2018/19)',
      parseYear,
    )
    .option('--synthetic', 'mark the schools as synthetic (automatic beside a generated manifest)')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        kind: ImportKind,
        file: string,
        opts: { year?: number; synthetic?: boolean; json?: boolean },
      ) => {
        const summary = await withApp(async (ctx) => {
          const progress = byteProgress(`Importing ${kind}`);
          try {
            return valueOf(
              await importPublishedFile(ctx, kind, file, {
                year: opts.year,
                synthetic: opts.synthetic,
                onProgress: progress.update,
              }),
            );
          } finally {
            progress.stop();
          }
        });
        output(opts.json, summary, () => describeSummary(summary));
      },
    );
}
