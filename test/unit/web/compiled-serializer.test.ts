import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { allocationAnswerSchema, partnersAnswerSchema } from '../../../src/app/matching/answers.ts';
import { compiledSerializerCompiler } from '../../../src/web/http/compiled-serializer.ts';
import { withDatasetSchema } from '../../../src/web/http/dataset.ts';

const route = (schema: unknown) => ({ schema, method: 'GET', url: '/api/test', httpStatus: '200' });
/** What the API wrote before: Zod's check, then JSON.stringify of what it kept. */
const zodWritten = (schema: unknown, answer: unknown) =>
  (serializerCompiler as (r: ReturnType<typeof route>) => (data: unknown) => string)(route(schema))(answer);

const dataset = {
  sources: [{ kind: 'gias', name: 'edubasealldata20200331.csv', asOf: '2020-03-31' }],
  synthetic: true,
};
const la = { code: 'E09000001', name: 'City of London' };

describe('the compiled serialiser of the heavy answers', () => {
  it('writes a partner search exactly as the Zod serialiser did, fields the schema lacks left out', () => {
    const schema = withDatasetSchema(partnersAnswerSchema);
    const answer = {
      school: {
        urn: 100001,
        name: 'Leeds "Primary" School',
        phase: 'primary',
        group: 'in-need',
        sufficientEvidence: true,
        reasons: ['Requires improvement at the latest inspection'],
        location: null,
        notInTheSchema: 'left out',
      },
      profile: { name: 'nfer-2017', version: 1, title: 'NFER 2017' },
      strategy: 'support',
      radiusKm: 5,
      candidates: [
        {
          urn: 100002,
          name: 'Ysgol Gymraeg',
          phase: 'primary',
          group: 'high-performing',
          distanceKm: 1.25,
          score: 87.5,
          remote: false,
          tags: ['declared-need-met'],
          reasons: ['1.3 km away', 'Strong in reading\nand maths'],
          location: { lat: 53.8, lon: -1.55 },
          sameTrust: null,
          recentlyTakenOn: { sponsor: 'Pennine "Schools" Trust', since: '2025-01-06' },
          facts: { internal: true },
        },
      ],
      dataset,
    };
    expect(compiledSerializerCompiler(route(schema))(answer)).toBe(zodWritten(schema, answer));
  });

  it('writes an allocation page exactly as the Zod serialiser did, with areas known and unknown', () => {
    const schema = withDatasetSchema(allocationAnswerSchema);
    const answer = {
      profile: { name: 'nfer-2017', version: 1, title: 'NFER 2017' },
      summary: { inNeed: 2, supported: 1, unsupported: 1, remote: 0, remoteNearerTaken: 0, supporters: 1 },
      total: 1,
      limit: 10,
      offset: 0,
      items: [
        {
          urn: 1,
          name: 'A',
          supporterUrn: 2,
          supporterName: 'B',
          distanceKm: 3.5,
          score: 60,
          remote: false,
          nearerTaken: false,
          reasons: ['near'],
          localAuthority: la,
          supporterLocalAuthority: null,
          quality: 0.6,
        },
      ],
      unsupported: [{ urn: 3, name: 'C', localAuthority: null, reason: 'no-location', text: 'No location' }],
      dataset,
    };
    expect(compiledSerializerCompiler(route(schema))(answer)).toBe(zodWritten(schema, answer));
  });
});
