import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrameworkFileError } from '../../../../src/ingest/readiness-frameworks.ts';
import { loadPeerReviewFrameworks } from '../../../../src/ingest/peer-review-frameworks.ts';
import { focusAreasOf } from '../../../../src/domain/peer-review/framework.ts';

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
});

describe('a framework file', () => {
  it('is refused naming the file and the field at fault', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peer-review-'));
    const shipped = JSON.parse(
      await fs.readFile(
        new URL('../../../../frameworks/peer-review/collaborative-review.v1.json', import.meta.url),
        'utf8',
      ),
    );
    shipped.areas[1].evidenceTypes = [];
    await fs.writeFile(path.join(dir, 'broken.json'), JSON.stringify(shipped));
    const error = await loadPeerReviewFrameworks(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameworkFileError);
    expect((error as FrameworkFileError).problems).toEqual([
      'broken.json: areas[1].evidenceTypes: name at least one type of evidence',
    ]);
    await fs.rm(dir, { recursive: true });
  });
});
