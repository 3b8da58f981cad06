import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrameworkFileError } from '../../../../src/ingest/readiness-frameworks.ts';
import { loadPeerReviewFrameworks } from '../../../../src/ingest/peer-review-frameworks.ts';
import { focusAreasOf } from '../../../../src/domain/peer-review/framework.ts';
import { localisePeerReviewFramework } from '../../../../src/domain/peer-review/localise.ts';

describe('the shipped peer-review framework', () => {
  it('loads, with S2S’s own judgement scale, never an inspection grade', async () => {
    const framework = (await loadPeerReviewFrameworks()).find('collaborative-review')!;
    expect(framework.scale.levels.map((l) => l.label)).toEqual([
      'Needs urgent attention',
      'Developing',
      'Secure',
      'Strong practice',
    ]);
    expect(JSON.stringify(framework)).not.toMatch(/Outstanding|Requires improvement|Inadequate/);
  });

  it('has areas each with prompts and evidence, and one for the host’s chosen focus', async () => {
    const framework = (await loadPeerReviewFrameworks()).find('collaborative-review')!;
    const hosts = framework.areas.filter((a) => a.hostsChoice);
    expect(hosts).toHaveLength(1);
    expect(focusAreasOf(hosts[0]!, 'numeracy')).toEqual(['numeracy']);
    expect(focusAreasOf(framework.areas[0]!, 'numeracy')).toEqual(['leadership', 'governance']);
  });

  it('is in Welsh throughout, marked unreviewed: only the published citations stay in English', async () => {
    const framework = (await loadPeerReviewFrameworks()).find('collaborative-review')!;
    expect(framework.cy?.reviewed).toBe(false);
    const welsh = localisePeerReviewFramework(framework, 'cy');
    expect(welsh.inEnglish).toEqual(framework.sources.map((s) => s.citation));
    expect(welsh.title).toBe('Adolygu cydweithredol gan gymheiriaid');
    expect(welsh.scale.levels.map((l) => l.label)).toEqual([
      'Angen sylw ar frys',
      'Yn datblygu',
      'Cadarn',
      'Arfer cryf',
    ]);
    expect(welsh.areas[0]!.prompts).toHaveLength(framework.areas[0]!.prompts.length);
    // Ids and focus areas are untouched: findings read the same framework.
    expect(welsh.areas.map((a) => [a.id, a.focusAreas])).toEqual(
      framework.areas.map((a) => [a.id, a.focusAreas]),
    );
    expect(localisePeerReviewFramework(framework, 'en')).toMatchObject({
      title: 'Collaborative peer review',
      inEnglish: [],
    });
  });
});

/** The parts of a framework file these tests change. */
interface FrameworkFile {
  areas: { evidenceTypes: string[] }[];
  cy: {
    models: Record<string, { title?: string }>;
    scale: { levels: Record<string, { label?: string }> };
    areas: Record<string, { title?: string; prompts?: string[]; evidenceTypes?: string[] }>;
    sources: { note?: string }[];
    subtitle?: string;
  };
}

describe('a framework file', () => {
  const shipped = async () =>
    JSON.parse(
      await fs.readFile(
        new URL('../../../../frameworks/peer-review/collaborative-review.v1.json', import.meta.url),
        'utf8',
      ),
    ) as FrameworkFile;
  const problemsOf = async (document: unknown) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peer-review-'));
    try {
      await fs.writeFile(path.join(dir, 'broken.json'), JSON.stringify(document));
      const error = await loadPeerReviewFrameworks(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FrameworkFileError);
      return (error as FrameworkFileError).problems;
    } finally {
      await fs.rm(dir, { recursive: true });
    }
  };

  it('is refused naming the file and the field at fault', async () => {
    const { cy: _welsh, ...document } = await shipped();
    document.areas[1]!.evidenceTypes = [];
    expect(await problemsOf(document)).toEqual([
      'broken.json: areas[1].evidenceTypes: name at least one type of evidence',
    ]);
  });

  it('is refused when its Welsh does not match the English: an unknown model, level or area, or more or fewer prompts', async () => {
    const document = await shipped();
    document.cy.models.peer = { title: 'Cymheiriaid' };
    document.cy.scale.levels['7'] = { label: 'Saith' };
    document.cy.areas.nowhere = { title: 'Unman' };
    document.cy.areas.leadership!.prompts!.pop();
    document.cy.areas['host-focus']!.evidenceTypes!.push('Un arall');
    document.cy.sources.push({ note: 'Pedwaredd.' });
    document.cy.subtitle = 'Typo';
    expect(await problemsOf(document)).toEqual([
      expect.stringMatching(/^broken\.json: cy: .*"subtitle"/),
      'broken.json: cy.models.peer: the framework has no model "peer"',
      'broken.json: cy.sources: gives 4 sources where the English gives 3',
      'broken.json: cy.sources[3].note: the framework has no note for source 4',
      'broken.json: cy.scale.levels.7: the framework has no level 7',
      'broken.json: cy.areas.leadership.prompts: gives 2 prompts where the English gives 3',
      'broken.json: cy.areas.host-focus.evidenceTypes: gives 3 evidence types where the English gives 2',
      'broken.json: cy.areas.nowhere: the framework has no area "nowhere"',
    ]);
  });
});
