import type { Command } from 'commander';
import { translator } from '../../i18n/index.ts';
import { listFrameworks } from '../../app/readiness/catalogue.ts';
import { readinessAnswersCsv, readinessReport } from '../../app/readiness/export.ts';
import { PARTNERSHIP_TYPE_LABELS } from '../../domain/partnerships/model.ts';
import { output, withApp } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';
import { schoolIdInEnglish } from '../../domain/wales.ts';

function assessmentId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new UsageError(`assessment id must be a positive whole number, not "${value}"`);
  return id;
}

export default function register(program: Command): void {
  const readiness = program
    .command('readiness')
    .description('readiness self-assessments and their frameworks');

  readiness
    .command('frameworks')
    .description('list the readiness frameworks on hand')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await listFrameworks();
      output(options.json, list, () =>
        list.items.map((f) => `${f.id} (version ${f.version}): ${f.title}`).join('\n'),
      );
    });

  readiness
    .command('export')
    .description('print one assessment’s scored report (human summary, --json or --csv)')
    .argument('<id>', 'the assessment id', assessmentId)
    .option('--json', 'print the full report as JSON')
    .option('--csv', 'print the answers as CSV, one row per item')
    .action(async (id: number, options: { json?: boolean; csv?: boolean }) => {
      if (options.json && options.csv) throw new UsageError('choose one of --json and --csv');
      if (options.csv) {
        process.stdout.write(valueOf(await withApp((ctx) => readinessAnswersCsv(ctx, id, translator('en')))));
        return;
      }
      const { document, frameworkTitle } = valueOf(await withApp((ctx) => readinessReport(ctx, id)));
      output(options.json, document, () =>
        [
          `${document.schoolName} (${schoolIdInEnglish(document.urn)}): ${frameworkTitle}`,
          `Considering: ${PARTNERSHIP_TYPE_LABELS[document.partnershipType]}`,
          `Status: ${document.status}${document.completedAt ? `, completed ${document.completedAt.slice(0, 10)}` : ''}`,
          `Overall: ${document.overall.percent ?? '–'}% (${document.overall.answered} of ${document.overall.itemCount} answered)`,
          ...document.sections.map((s) => `  ${s.title}: ${s.percent ?? '–'}%`),
          'Gaps, most important first:',
          ...(document.gaps.length
            ? document.gaps.map((g, i) => `  ${i + 1}. ${g.question} (${g.ratingLabel}) → ${g.nextStep}`)
            : ['  none']),
        ].join('\n'),
      );
    });
}
