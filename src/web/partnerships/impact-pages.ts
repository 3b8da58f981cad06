import type { FastifyPluginAsync } from 'fastify';
import type { RegistryImpact } from '../../domain/partnerships/impact/evaluate.ts';
import { readTargetProgress } from '../../domain/partnerships/impact/reading.ts';
import { sentences } from '../../domain/partnerships/impact/words.ts';
import type { Phrase } from '../../domain/words.ts';
import { translatePhrase } from '../../i18n/index.ts';
import { today, type AppContext } from '../../app/context.ts';
import { organisationPartnerships } from '../../app/partnerships/access.ts';
import { impactOf, withHeadlineImpact } from '../../app/partnerships/impact.ts';
import { forbid, requireSignedIn, requireUser } from '../http/guards.ts';
import { trendChart } from './chart.ts';
import { loadPartnership } from './context.ts';
import { say, statusTag } from './presenters.ts';
import { formatNumber } from '../../domain/format.ts';
import type { Language } from '../../domain/language.ts';
import { dayIn } from '../sponsorships/presenters.ts';
import { withTitleIn, withTitlesIn } from '../../app/partnerships/titles.ts';

const schools = (placeholder: string, n: number) => `{{${placeholder}}} ${n === 1 ? 'school' : 'schools'}`;

/** The change, the comparison and the source of the interval, in the report's words and the reader's language. */
function describeComparison(r: RegistryImpact, language: Language) {
  const treated = r.result?.treatedCount ?? r.members.length;
  const equal = Math.round(r.comparison.effectiveSchools);
  return {
    changeText: say(language, `{{change}} (${schools('count', treated)})`, {
      change: formatNumber(r.result?.treatedChange ?? 0, 1),
      count: formatNumber(treated),
    }),
    comparisonText: say(
      language,
      `${schools('count', r.comparison.schools)} not in a partnership, weighted towards those like the partnership’s schools in free school meals, size and phase (worth about ${schools('equal', equal)} weighted equally)`,
      { count: formatNumber(r.comparison.schools), equal: formatNumber(equal) },
    ),
    uncertaintyText: say(
      language,
      r.result?.uncertaintyFrom === 'similar-schools'
        ? 'Similar schools not in a partnership: the same calculation run on each of them shows how far a result strays by chance'
        : 'How much the partnership’s own schools differ from one another, and the comparison’s',
    ),
  };
}

/** The impact report of one partnership, and an organisation officer's dashboard of them all. */
const partnershipImpact: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  app.get('/partnerships/:id/impact', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(ctx.db, request, reply, 'read');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const report = await impactOf(ctx, p, today(ctx));
    const tp = (words: Phrase) => translatePhrase(request.language, words);
    const shown = await withTitleIn(ctx, request.language, p);
    return reply.page('partnerships/impact.njk', {
      title: say(request.language, 'Impact: {{title}}', { title: shown.title }),
      partnership: shown,
      report,
      sponsorshipNotes: (report?.sponsorships ?? []).map((s) =>
        request.t(s.timing === 'during' ? 'sponsorships.impactDuring' : 'sponsorships.impactBefore', {
          school: s.schoolName,
          sponsor: s.sponsor.name,
          date: dayIn(request.language, s.startsOn),
        }),
      ),
      items: (report?.objectives ?? []).map((item) => ({
        ...item,
        ...(item.registry ? describeComparison(item.registry, request.language) : {}),
        // The readings in the reader's language, from the phrases the domain wrote them from.
        reading: item.registry && sentences(item.registry.readingWords, tp),
        trendsNote: item.registry && sentences(item.registry.parallelTrends.noteWords, tp),
        chart: item.registry
          ? trendChart(item.registry.trend, item.registry.baselineYear, (m) => say(request.language, m))
          : null,
        customReading: item.custom
          ? tp(readTargetProgress(item.objective.baseline, item.objective.target, item.custom))
          : null,
      })),
    });
  });

  app.get('/organisations/:organisationId/partnerships', signedIn, async (request, reply) => {
    const organisationId = Number((request.params as { organisationId: string }).organisationId);
    const user = requireUser(request);
    const organisation = user.organisations.find((o) => o.id === organisationId);
    const day = today(ctx);
    const listed = await organisationPartnerships(ctx, user, organisationId, day);
    if (!organisation || !listed.ok) return forbid(request, reply);
    const { summaries, sharedCount } = listed.value;
    const titled = await withTitlesIn(ctx, request.language, summaries);
    const rows = (await withHeadlineImpact(ctx, titled, day)).map(({ summary, impact }) => ({
      ...summary,
      tag: statusTag(summary, request.language),
      impact,
    }));
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    return reply.page('partnerships/dashboard.njk', {
      title: request.t('partnerships.dashboardTitle', { organisation: organisation.name }),
      organisation,
      rows,
      sharedCount,
      totals: {
        running: count('agreed') + count('active') + count('reviewing'),
        proposed: count('proposed'),
        closed: count('closed'),
        overdue: rows.reduce((n, r) => n + r.overdueActions, 0),
      },
    });
  });
};

export default partnershipImpact;
