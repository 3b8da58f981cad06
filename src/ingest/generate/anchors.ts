import type { Area, LatLon, Phase } from '../../domain/school.ts';
import { readCensus } from '../census.ts';
import { DEMO_DIR, DEMO_FILES } from '../demo.ts';
import { readGias } from '../gias.ts';
import { RowProblems } from '../import-error.ts';
import path from 'node:path';

/** A real school whose place and intake a synthetic school borrows, so the map looks like England. */
export interface Anchor {
  location: LatLon;
  localAuthority: Area | null;
  region: Area | null;
  constituency: Area | null;
  town: string | null;
  postcode: string | null;
  fsmPercent: number | null;
  ealPercent: number | null;
}

/** Real schools of the bundled demo dataset with coordinates, by phase. */
export async function loadAnchors(): Promise<Map<Phase, Anchor[]>> {
  const eal = new Map<number, number | null>();
  const census = await readCensus(path.join(DEMO_DIR, DEMO_FILES.census), {
    problems: new RowProblems('census'),
  });
  for await (const c of census.records) eal.set(c.urn, c.ealPercent);
  const byPhase = new Map<Phase, Anchor[]>();
  const gias = await readGias(path.join(DEMO_DIR, DEMO_FILES.gias), { problems: new RowProblems('gias') });
  for await (const s of gias.records) {
    if (!s.location) continue;
    const list = byPhase.get(s.phase) ?? [];
    list.push({
      location: s.location,
      localAuthority: s.localAuthority,
      region: s.region,
      constituency: s.constituency,
      town: s.town,
      postcode: s.postcode,
      fsmPercent: s.fsmPercent,
      ealPercent: eal.get(s.urn) ?? null,
    });
    byPhase.set(s.phase, list);
  }
  return byPhase;
}
