import type { Classification } from './types.ts';

export interface GroupCounts {
  inNeed: number;
  highPerforming: number;
  other: number;
  /** Of `other`: schools the rules could not decide on the evidence held. */
  insufficientEvidence: number;
}

/** How many schools a profile puts in each group, to compare two versions before publishing. */
export function countGroups(classifications: Iterable<Classification>): GroupCounts {
  const counts: GroupCounts = { inNeed: 0, highPerforming: 0, other: 0, insufficientEvidence: 0 };
  for (const c of classifications) {
    if (c.group === 'in-need') counts.inNeed++;
    else if (c.group === 'high-performing') counts.highPerforming++;
    else counts.other++;
    if (!c.sufficientEvidence) counts.insufficientEvidence++;
  }
  return counts;
}
