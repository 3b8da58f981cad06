import type { Command } from 'commander';
import { generateSyntheticDataset } from '../../app/imports/import-file.ts';
import { output } from '../context.ts';
import { UsageError } from '../errors.ts';
import { countProgress } from '../progress.ts';

function wholeNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
    return n;
  };
}

export default function register(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic dataset in the published file formats (marked synthetic when imported)')
    .requiredOption('--schools <n>', 'how many schools', wholeNumber('--schools', 1, 1_000_000))
    .requiredOption('--out <dir>', 'the folder to write the files to')
    .option('--seed <s>', 'the same seed gives the same dataset', wholeNumber('--seed', 0, 2 ** 32 - 1), 1)
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { schools: number; seed: number; out: string; json?: boolean }) => {
      const progress = countProgress('Generating', opts.schools);
      const summary = await generateSyntheticDataset({ ...opts, onProgress: progress.update }).finally(
        progress.stop,
      );
      output(opts.json, summary, () =>
        [
          `Wrote ${summary.schools} synthetic schools (${summary.welsh} in Wales) to ${summary.out}:`,
          ...Object.values(summary.files).map((f) => `  ${f}`),
          `Import them with: s2s import gias ${summary.out}/${summary.files.gias}, then ofsted, performance and census.`,
        ].join('\n'),
      );
    });
}
