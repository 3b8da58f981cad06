import type { Command } from 'commander';
import {
  SCHOOL_AREA_LABELS,
  SCHOOL_GROUP_LABELS,
  type Classification,
} from '../../domain/classification/types.ts';
import { PHASE_LABELS, PHASES, type Phase } from '../../domain/school.ts';
import { unknownProfile, type ProfileView } from '../../domain/snapshot.ts';
import { output } from '../context.ts';
import { UsageError } from '../errors.ts';
import { withSnapshot } from '../snapshot.ts';

interface PhaseCounts {
  phase: Phase;
  highPerforming: number;
  inNeed: number;
  other: number;
  insufficientEvidence: number;
}

function countByPhase(view: ProfileView, phaseOf: (urn: number) => Phase): PhaseCounts[] {
  const counts = new Map<Phase, PhaseCounts>();
  for (const c of view.classifications.values()) {
    const phase = phaseOf(c.urn);
    const row = counts.get(phase) ?? {
      phase,
      highPerforming: 0,
      inNeed: 0,
      other: 0,
      insufficientEvidence: 0,
    };
    if (c.group === 'high-performing') row.highPerforming++;
    else if (c.group === 'in-need') row.inNeed++;
    else row.other++;
    if (!c.sufficientEvidence) row.insufficientEvidence++;
    counts.set(phase, row);
  }
  return PHASES.flatMap((p) => (counts.has(p) ? [counts.get(p)!] : []));
}

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

function explain(name: string, c: Classification): string {
  const findings = (label: string, list: Classification['strengths']) =>
    list.length > 0 ? [`${label}:`, ...list.map((f) => `  - ${SCHOOL_AREA_LABELS[f.area]}: ${f.text}`)] : [];
  return [
    `${name} (URN ${c.urn}): ${SCHOOL_GROUP_LABELS[c.group]}${c.sufficientEvidence ? '' : ' (not enough evidence)'}`,
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
      await withSnapshot((snapshot, dataset) => {
        const view = snapshot.view(opts.profile);
        if (!view) throw new UsageError(`--profile: ${unknownProfile(snapshot, opts.profile).message}`);
        const profile = { name: view.profile.name, version: view.profile.version, title: view.profile.title };
        if (urn !== undefined) {
          const c = view.classifications.get(urn);
          if (!c) throw new UsageError(`--urn: no open school with URN ${urn}`);
          return output(
            opts.json,
            { profile, asOf: snapshot.asOf, classification: c },
            () => explain(snapshot.byUrn.get(urn)!.name, c),
            dataset,
          );
        }
        const byPhase = countByPhase(view, (u) => snapshot.byUrn.get(u)!.phase);
        output(
          opts.json,
          { profile, asOf: snapshot.asOf, byPhase, items: [...view.classifications.values()] },
          () =>
            `${profile.title} (${profile.name} v${profile.version}), as at ${snapshot.asOf}\n\n${table(byPhase)}`,
          dataset,
        );
      });
    });
}
