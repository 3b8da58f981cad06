/**
 * A school that converts to an academy, merges or splits gets a new URN; GIAS links carry its
 * history across. A link row says `linkUrn` is the predecessor or successor of `urn`.
 */
export interface SchoolLink {
  urn: number;
  linkUrn: number;
  linkType: string;
}

/**
 * Builds the link graph once; the returned function gives a school itself, then its
 * predecessors nearest first, then its successors nearest first.
 */
export function lineageFinder(links: SchoolLink[]): (urn: number) => number[] {
  const before = new Map<number, number[]>();
  const after = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, from: number, to: number) => {
    const list = map.get(from);
    if (list) list.push(to);
    else map.set(from, [to]);
  };
  for (const link of links) {
    const type = link.linkType.toLowerCase();
    if (type.startsWith('predecessor')) {
      add(before, link.urn, link.linkUrn);
      add(after, link.linkUrn, link.urn);
    } else if (type.startsWith('successor')) {
      add(after, link.urn, link.linkUrn);
      add(before, link.linkUrn, link.urn);
    }
  }
  return (urn) => {
    const seen = new Set([urn]);
    const walk = (map: Map<number, number[]>) => {
      const found: number[] = [];
      let frontier = [urn];
      while (frontier.length > 0) {
        const next: number[] = [];
        for (const u of frontier) {
          for (const v of (map.get(u) ?? []).toSorted((a, b) => a - b)) {
            if (seen.has(v)) continue;
            seen.add(v);
            found.push(v);
            next.push(v);
          }
        }
        frontier = next;
      }
      return found;
    };
    const predecessors = walk(before);
    return [urn, ...predecessors, ...walk(after)];
  };
}

export function lineage(urn: number, links: SchoolLink[]): number[] {
  return lineageFinder(links)(urn);
}

/** One value per year, each from the nearest school in the lineage that has it. */
export function lineageSeries(
  urns: number[],
  valuesByUrn: ReadonlyMap<number, ReadonlyMap<number, number>>,
): Map<number, number> {
  const series = new Map<number, number>();
  for (const u of urns) {
    for (const [year, value] of valuesByUrn.get(u) ?? []) {
      if (!series.has(year)) series.set(year, value);
    }
  }
  return series;
}
