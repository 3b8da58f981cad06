import type { Command } from 'commander';
import {
  SCHOOL_AREA_LABELS,
  SCHOOL_GROUP_LABELS,
  type ClassificationAnswer,
} from '../../domain/classification/types.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { classifyAll, classifyOne, type PhaseCounts } from '../../app/matching/classify.ts';
import { output, withDataset } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';
import { schoolIdInEnglish } from '../../domain/wales.ts';

function table(rows: PhaseCounts[]): string {
  const total = rows.reduce(
    (t, r) => ({
      highPerforming: t.highPerforming + r.highPerforming,
      inNeed: t.inNeed + r.inNeed,
      other: t.other + r.other,
      insufficientEvidence: t.insufficientEvidence + r.insufficientEvidence,
    }),
    { highPerforming: 0, inNeed: 0, other: 0, insufficientEvidence: 0 },
  );
  const lines = [
    ...rows.map((r) => [PHASE_LABELS[r.phase], r.highPerforming, r.inNeed, r.other, r.insufficientEvidence]),
    ['All phases', total.highPerforming, total.inNeed, total.other, total.insufficientEvidence],
  ].map((cells) => cells.map(String));
  const header = ['Phase', 'High-performing', 'In need', 'Neither', 'Not enough evidence'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...lines.map(line)].join('\n');
}

function explain(name: string, c: ClassificationAnswer): string {
  const findings = (label: string, list: ClassificationAnswer['strengths']) =>
    list.length > 0 ? [`${label}:`, ...list.map((f) => `  - ${SCHOOL_AREA_LABELS[f.area]}: ${f.text}`)] : [];
  return [
    `${name} (${schoolIdInEnglish(c.urn)}): ${SCHOOL_GROUP_LABELS[c.group]}${c.sufficientEvidence ? '' : ' (not enough evidence)'}`,
    'Why:',
    ...c.reasons.map((r) => `  - ${r.text} [${r.ruleId}]`),
    ...findings('Strengths', c.strengths),
    ...findings('Weaknesses', c.weaknesses),
  ].join('\n');
}

export default function register(program: Command): void {
  program
    .command('classify')
    .description('place every open school as in need, high-performing or neither, with the reasons')
    .option(
      '--profile <name>',
      'performance profile (default: the active one, nfer-2017 unless an administrator chose another)',
    )
    .option('--urn <urn>', 'explain one school')
    .option('--json', 'print JSON')
    .action(async (opts: { profile?: string; urn?: string; json?: boolean }) => {
      const urn = opts.urn === undefined ? undefined : Number(opts.urn);
      if (urn !== undefined && !(Number.isSafeInteger(urn) && urn > 0)) {
        throw new UsageError(`--urn: "${opts.urn}" is not a URN (a whole number such as 100000)`);
      }
      if (urn !== undefined) {
        const { value: found, dataset } = await withDataset(async (ctx) =>
          valueOf(await classifyOne(ctx, urn, opts.profile)),
        );
        return output(opts.json, found, () => explain(found.name, found.classification), dataset);
      }
      const { value: all, dataset } = await withDataset(async (ctx) =>
        valueOf(await classifyAll(ctx, opts.profile)),
      );
      const { profile } = all;
      output(
        opts.json,
        all,
        () =>
          `${profile.title} (${profile.name} v${profile.version}), as at ${all.asOf}\n\n${table(all.byPhase)}`,
        dataset,
      );
    });
}
