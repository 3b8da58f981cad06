import { Argument, Option, type Command } from 'commander';
import {
  IMPORT_KINDS,
  importPublishedFile,
  KIND_LABELS,
  parseDateOption,
  type ImportKind,
  type ImportSummary,
} from '../../app/imports/import-file.ts';
import { academicYearOf } from '../../domain/provenance.ts';
import type { ResultsStatus } from '../../domain/school.ts';
import { output, withApp } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';
import { byteProgress } from '../progress.ts';

function describeFile(s: ImportSummary): string {
  const what = [
    KIND_LABELS[s.kind].replace(/^an? /, ''),
    s.resultsStatus,
    s.asOf && `as of ${s.asOf}`,
    s.synthetic && 'synthetic',
  ].filter(Boolean);
  return `${s.dryRun ? 'Checked' : 'Imported'} ${s.file} (${what.join(', ')})${s.dryRun ? ': a dry run, nothing was written' : ''}`;
}

export function describeSummary(s: ImportSummary): string {
  const skipped = s.skipped.reduce((n, r) => n + r.count, 0);
  const lines = [
    describeFile(s),
    `  rows read  ${s.rowsRead}`,
    `  inserted   ${s.inserted}`,
    `  updated    ${s.updated}`,
    ...(s.replacedProvisional > 0
      ? [
          `    of which ${s.replacedProvisional} schools' provisional ${academicYearOf(s.asOf)} ${s.kind.toUpperCase()} results replaced by final ones`,
        ]
      : []),
    `  unchanged  ${s.unchanged}`,
    `  skipped    ${skipped}${s.skippedTotals > 0 ? ` (of which ${s.skippedTotals} rows of totals or notes)` : ''}`,
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

function parseAsOf(value: string): string {
  const date = parseDateOption(value);
  if (date === null) throw new UsageError(`--as-of must be a date such as 2020-03-31 (got "${value}")`);
  return date;
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
    .addOption(
      new Option(
        '--status <status>',
        'performance tables: provisional or final (else from the file name)',
      ).choices(['provisional', 'final']),
    )
    .option(
      '--as-of <date>',
      'the date the data describes, when the file name does not say (required for an ofsted-ratings summary without one)',
      parseAsOf,
    )
    .option('--synthetic', 'mark the schools as synthetic (automatic beside a generated manifest)')
    .option('--dry-run', 'read and check the whole file and say what would change, writing nothing')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        kind: ImportKind,
        file: string,
        opts: {
          year?: number;
          status?: ResultsStatus;
          asOf?: string;
          synthetic?: boolean;
          dryRun?: boolean;
          json?: boolean;
        },
      ) => {
        const result = await withApp(async (ctx) => {
          const progress = byteProgress(`Importing ${kind}`);
          try {
            return valueOf(
              await importPublishedFile(ctx, kind, file, {
                year: opts.year,
                status: opts.status,
                asOf: opts.asOf,
                synthetic: opts.synthetic,
                dryRun: opts.dryRun,
                onProgress: progress.update,
              }),
            );
          } finally {
            progress.stop();
          }
        });
        const { dataset, ...summary } = result;
        output(opts.json, summary, () => describeSummary(summary), dataset);
      },
    );
}
