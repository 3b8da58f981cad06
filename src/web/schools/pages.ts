import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { getNationalAverages, getSchoolRecord, listAreas, searchSchools } from '../../data/schools.ts';
import { SCHOOL_GROUPS, SCHOOL_GROUP_LABELS } from '../../domain/classification/types.ts';
import { PHASES, PHASE_LABELS } from '../../domain/school.ts';
import { describeInspection, performanceRows } from './presenter.ts';
import type { AppDeps } from '../app.ts';
import { classificationOf, urnsInGroup } from '../../app/schools/groups.ts';
import { schoolSearchQuery } from '../../app/schools/query.ts';
import { readinessLink } from '../readiness/load.ts';

const schools: FastifyPluginAsync<AppDeps> = async (app, { db }) => {
  const phaseItems = (selected?: string) => [
    { value: '', text: 'All phases' },
    ...PHASES.map((p) => ({ value: p, text: PHASE_LABELS[p], selected: p === selected })),
  ];

  app.get('/', async (request, reply) => {
    const parsed = schoolSearchQuery.safeParse(request.query);
    const areas = await listAreas(db);
    const query = parsed.success ? parsed.data : { limit: 20, offset: 0 };
    const searched = Object.keys(request.query as object).length > 0;
    const urns = parsed.success && query.group ? await urnsInGroup(app.snapshots, query.group) : undefined;
    const results = parsed.success && searched ? await searchSchools(db, { ...query, urns }) : undefined;
    const errors = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ text: i.message, href: `#${String(i.path[0])}` }));
    return reply.page('schools/search.njk', {
      query,
      raw: request.query,
      results,
      errors,
      phaseItems: phaseItems(query.phase),
      groupItems: [
        { value: '', text: 'Any group' },
        ...SCHOOL_GROUPS.map((g) => ({
          value: g,
          text: SCHOOL_GROUP_LABELS[g],
          selected: g === query.group,
        })),
      ],
      laItems: [
        { value: '', text: 'All local authorities' },
        ...areas.localAuthorities.map((a) => ({
          value: a.code,
          text: a.name,
          selected: a.code === query.la,
        })),
      ],
      regionItems: [
        { value: '', text: 'All regions' },
        ...areas.regions.map((a) => ({ value: a.code, text: a.name, selected: a.code === query.region })),
      ],
      phaseLabels: PHASE_LABELS,
    });
  });

  app.get('/schools/:urn', async (request, reply) => {
    const params = z.object({ urn: z.coerce.number().int().positive() }).safeParse(request.params);
    const record = params.success ? await getSchoolRecord(db, params.data.urn) : undefined;
    if (!record) {
      reply.code(404);
      return reply.page('layout/errors/404.njk');
    }
    const latest = record.inspections[0];
    const performance = await Promise.all(
      record.performance.map(async (p) => ({
        ...p,
        rows: performanceRows(p, await getNationalAverages(db, p.year, p.keyStage)),
      })),
    );
    return reply.page('schools/profile.njk', {
      school: record,
      classification: record.open ? await classificationOf(app.snapshots, record.urn) : null,
      groupLabels: SCHOOL_GROUP_LABELS,
      schoolLinks: [
        ...(record.open
          ? [{ text: 'Find partners for this school', href: `/schools/${record.urn}/partners` }]
          : []),
        ...(await readinessLink(db, record.urn, request.user)),
      ],
      phaseLabel: PHASE_LABELS[record.phase],
      latestInspection: latest ? describeInspection(latest) : null,
      earlierInspections: record.inspections.slice(1).map(describeInspection),
      performance,
    });
  });
};

export default schools;
