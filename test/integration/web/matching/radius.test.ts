import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';

describe('a partner-search radius set for a phase in the environment', () => {
  // Seeker's nearest high-performing partner, Beacon, is 2 km away.
  const t = useTestApp(insertMatchingDataset, { env: { S2S_RADIUS_KM_PRIMARY: '1.5' }, fresh: 'test' });

  it('is the radius a primary school searches within, its partners beyond it marked as remote', async () => {
    const body = (await t.app.inject('/api/schools/200001/partners?strategy=support')).json();
    expect(body.radiusKm).toBe(1.5);
    expect(body.candidates[0]).toMatchObject({ urn: 200002, remote: true });
    expect(body.candidates[0].reasons[0]).toContain('beyond your 1.5 km radius');
  });

  it('is what the find partners page offers as the distance', async () => {
    const page = await t.app.inject('/schools/200001/partners');
    expect(page.body).toContain('Leave blank for 1.5 km, the usual distance for this phase.');
  });
});
