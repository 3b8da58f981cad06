import type { Command } from 'commander';
import {
  UPDATE_SOURCE_LABELS,
  updateFromPublishers,
  type SourceReport,
  type UpdateReport,
} from '../../app/imports/update.ts';
import { output, withApp } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byteProgress } from '../progress.ts';
import { describeSummary } from './import.ts';

const OUTCOME_WORDS: Record<SourceReport['outcome'], string> = {
  imported: 'imported',
  checked: 'checked (dry run: nothing written)',
  unchanged: 'unchanged',
  'not-found': 'not found',
  'not-configured': 'not configured',
  failed: 'FAILED',
};

function describe(report: UpdateReport): string {
  return report.sources
    .map((s) => {
      const head = `${UPDATE_SOURCE_LABELS[s.source]}: ${OUTCOME_WORDS[s.outcome]}${s.url ? ` (${s.url})` : ''}`;
      const detail = s.summary ? describeSummary(s.summary) : s.message;
      return detail ? `${head}\n${detail.replace(/^/gm, '  ')}` : head;
    })
    .join('\n');
}

function parseBase(value: string): string {
  if (!/^https?:\/\/[^/]/.test(value))
    throw new UsageError(`--from must be an http:// or https:// address (got "${value}")`);
  return value;
}

export default function register(program: Command): void {
  program
    .command('update')
    .description(
      'fetch the latest published files (GIAS establishments and links, Ofsted, KS2 and KS4 tables), check and import them, and say what changed',
    )
    .option(
      '--from <url-base>',
      'fetch every file from this address instead (a mirror with the file names in the README)',
      parseBase,
    )
    .option('--dry-run', 'download and check everything and say what would change, writing nothing')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { from?: string; dryRun?: boolean; json?: boolean }) => {
      const report = await withApp((ctx) =>
        updateFromPublishers(ctx, {
          from: opts.from,
          dryRun: opts.dryRun,
          log: (line) => process.stderr.write(`${line}\n`),
          progress: byteProgress,
        }),
      );
      const { dataset, ...rest } = report;
      output(opts.json, rest, () => describe(report), dataset);
      if (report.sources.some((s) => s.outcome === 'failed')) process.exitCode = 1;
    });
}
