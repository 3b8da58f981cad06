import type { FastifyPluginAsync } from 'fastify';
import { sameSchoolAs, schoolProfile } from '../../app/schools/profile.ts';
import { searchFilters, searchResults } from '../../app/schools/search.ts';
import { SCHOOL_GROUPS, SCHOOL_GROUP_LABELS, groupLabel } from '../../domain/classification/types.ts';
import { GRADE4_LABELS, PHASE_LABELS } from '../../domain/school.ts';
import { formErrors } from '../http/forms.ts';
import { areaItems } from '../http/places.ts';
import { describeInspection, inspectionLine, nationalFigureSources, performanceRows } from './presenter.ts';
import type { AppContext } from '../../app/context.ts';
import { schoolSearchQuery } from '../../app/schools/query.ts';
import { urnParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';
import { readinessLink } from '../../app/readiness/access.ts';
import { schoolPractice } from '../../app/practice/links.ts';
import { schoolPracticeView } from '../practice/presenters.ts';
import { translateMessage, type Message } from '../../i18n/index.ts';
import { canAdministerSchool } from '../../domain/access.ts';
import { sponsorshipLines } from '../sponsorships/presenters.ts';

const schools: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/', async (request, reply) => {
    const parsed = schoolSearchQuery.safeParse(request.query);
    const filters = await searchFilters(ctx);
    const query = parsed.success ? parsed.data : { limit: 20, offset: 0 };
    const searched = Object.keys(request.query as object).length > 0;
    const found = parsed.success && searched ? await searchResults(ctx, query) : undefined;
    const results = found?.ok ? found.value : undefined;
    const tm = (message: string) => translateMessage(request.language, { message });
    const { errors, fieldErrors } = formErrors(
      !parsed.success ? parsed.error : found && !found.ok ? found.error : [],
    );
    return reply.page('schools/search.njk', {
      query: results ? { ...query, offset: results.offset } : query,
      raw: request.query,
      results: results && {
        ...results,
        items: results.items.map((school) => ({
          ...school,
          inspectionLine: inspectionLine(school.latestInspection, school.publishedRating),
        })),
      },
      errors,
      fieldErrors,
      countries: filters.countries,
      phaseItems: [
        { value: '', text: tm('All phases') },
        ...filters.phases.map((p) => ({ value: p, text: tm(PHASE_LABELS[p]), selected: p === query.phase })),
      ],
      groupItems: [
        { value: '', text: tm('Any group') },
        ...SCHOOL_GROUPS.map((g) => ({
          value: g,
          text: tm(SCHOOL_GROUP_LABELS[g]),
          selected: g === query.group,
        })),
      ],
      laItems: areaItems(request.language, filters.localAuthorities, query.la, tm('All local authorities')),
      regionItems: areaItems(request.language, filters.regions, query.region, tm('All regions')),
      phaseLabels: PHASE_LABELS,
      gradeLabels: GRADE4_LABELS,
    });
  });

  app.get('/schools/:urn', async (request, reply) => {
    const params = urnParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const { urn } = params.data;
    // Everything the page reads at once, a round trip in all rather than one after another; the
    // school is seldom listed under another number, or not at all.
    const [same, found, readinessLinks, practice] = await Promise.all([
      sameSchoolAs(ctx, urn),
      schoolProfile(ctx, urn),
      readinessLink(ctx, urn, request.user ?? null),
      schoolPractice(ctx, urn),
    ]);
    if (same !== null) return reply.redirect(`/schools/${same}`, 301);
    if (!found.ok) return sendProblem(request, reply, found.error);
    const { nationalFigures, classification, ...record } = found.value;
    const latest = record.inspections[0];
    const words = (message: Message) => translateMessage(request.language, message);
    const performance = record.performance.map((p) => ({
      ...p,
      rows: performanceRows(p, nationalFigures, words),
      nationalSources: nationalFigureSources(p, nationalFigures, words),
    }));
    return reply.page('schools/profile.njk', {
      school: record,
      classification,
      groupLabel: classification ? groupLabel(classification) : null,
      schoolLinks: [
        ...(record.open
          ? [{ text: request.t('profile.findPartners'), href: `/schools/${record.urn}/partners` }]
          : []),
        ...readinessLinks.map(({ readable, href }) => ({
          text: request.t('profile.readinessLink', { n: readable }),
          href,
        })),
      ],
      phaseLabel: PHASE_LABELS[record.phase],
      latestInspection: latest ? describeInspection(latest, words) : null,
      earlierInspections: record.inspections.slice(1).map((i) => describeInspection(i, words)),
      gradeLabels: GRADE4_LABELS,
      performance,
      practice: schoolPracticeView(practice, request.language),
      sponsorshipLines: sponsorshipLines(record.sponsorships, record.urn, request.t, request.language),
      sponsorshipsHref: canAdministerSchool(request.user, record.urn)
        ? `/schools/${record.urn}/sponsorships`
        : null,
    });
  });
};

export default schools;
