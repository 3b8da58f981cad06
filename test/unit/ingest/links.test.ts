import { describe, expect, it } from 'vitest';
import { readLinks } from '../../../src/ingest/links.ts';
import { readAll } from '../../helpers/fixtures.ts';

describe('reading the GIAS links file', () => {
  it('reads predecessor and successor links with their dates', async () => {
    const { records } = await readAll(readLinks, 'links_edubasealldata20250422.csv');
    expect(records).toContainEqual({
      urn: 100004,
      linkUrn: 100006,
      linkName: 'Middleton Middle School',
      linkType: 'Successor - merged',
      linkDate: '2019-08-31',
    });
    expect(records).toHaveLength(3);
  });

  it('refuses an establishments extract given as a links file', async () => {
    await expect(readAll(readLinks, 'edubasealldata20250422.csv')).rejects.toThrow(
      /this looks like a GIAS establishments extract, not a GIAS links file/,
    );
  });
});
