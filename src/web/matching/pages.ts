import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { isWidePartnerSearch, partnersFor } from '../../app/matching/partners.ts';
import { practiceForNeeds } from '../../app/practice/links.ts';
import { partnersQuery } from '../../app/matching/query.ts';
import { partnerSearchSubject } from '../../app/matching/subject.ts';
import { PLACES_BASIS } from '../../app/places.ts';
import type { AppError } from '../../app/result.ts';
import { SCHOOL_GROUP_LABELS } from '../../domain/classification/types.ts';
import { CANDIDATE_TAG_LABELS } from '../../domain/matching/find-partners.ts';
import { STRATEGIES, STRATEGY_LABELS } from '../../domain/matching/settings.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { LANGUAGE_MEDIA } from '../../domain/wales.ts';
import { formErrors } from '../http/forms.ts';
import { translateMessage, translatePhrase } from '../../i18n/index.ts';
import { urnParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';
import { partnersMap } from './partners-map.ts';

/** "Find partners": public, like the school profile it hangs from (published data only). */
const partners: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/schools/:urn/partners', async (request, reply) => {
    const params = urnParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    // The page shows every candidate's reasons, whatever the address asks.
    const raw: Record<string, string | undefined> = { ...(request.query as object), explain: undefined };
    const parsed = partnersQuery.safeParse(raw);
    const query = parsed.success ? parsed.data : partnersQuery.parse({});
    const subject = await partnerSearchSubject(ctx, params.data.urn, query.profile);
    if (!subject.ok) return sendProblem(request, reply, subject.error);
    const { school } = subject.value;
    if (parsed.success && (await isWidePartnerSearch(ctx, school.urn, query.radiusKm)))
      await app.countHeavy(request, reply);
    const result = parsed.success ? await partnersFor(ctx, school.urn, query) : undefined;
    const invalid: AppError | undefined = !parsed.success
      ? { code: 'invalid-input', message: '', issues: formIssues(parsed.error.issues) }
      : result && !result.ok && result.error.issues
        ? result.error
        : undefined;
    const { errors, fieldErrors } = invalid ? formErrors(invalid) : { errors: [], fieldErrors: {} };
    if (errors.length > 0) reply.code(400);
    const found = result?.ok ? result.value : undefined;
    // Near a place, the map is drawn around the place, as the distances are measured from it.
    const centre = found?.near ? { lat: found.near.lat, lon: found.near.lon } : found?.school.location;
    const practice = await practiceForNeeds(
      ctx,
      request.user,
      school.urn,
      (found?.candidates ?? []).map((c) => c.urn),
    );
    return reply.page('matching/partners.njk', {
      title: request.t('partners.pageTitle', { school: school.name }),
      school,
      phaseLabel: PHASE_LABELS[school.phase],
      groupLabel: SCHOOL_GROUP_LABELS[subject.value.group],
      classification: subject.value,
      errors,
      strategyError: fieldErrors.strategy,
      radiusError: fieldErrors.radiusKm,
      profileError: fieldErrors.profile,
      limitError: fieldErrors.limit,
      typeError: fieldErrors.type,
      trustError: fieldErrors.trust,
      nearError: fieldErrors.near,
      languageMediumError: fieldErrors.languageMedium,
      // Language medium is a Welsh school's question: the list gives it for schools in Wales only.
      languageMediumItems:
        school.country === 'Wales'
          ? [
              { value: '', text: request.t('wales.anyMedium') },
              ...LANGUAGE_MEDIA.map((m) => ({
                value: m,
                text: request.t(`wales.medium.${m}`),
                selected: m === query.languageMedium,
              })),
            ]
          : undefined,
      excludePartneredItems: [
        {
          value: 'true',
          text: request.t('partners.leaveOut'),
          checked: query.excludePartnered,
        },
      ],
      raw,
      // From a peer review's area to develop: proposals made from here follow it up (the proposal
      // page checks the finding and the proposer's right to it).
      followUp: /^\d{1,9}$/.test(raw.followUp ?? '') ? raw.followUp : undefined,
      strategy: query.strategy,
      strategyItems: STRATEGIES.map((s) => ({
        value: s,
        text: translateMessage(request.language, { message: STRATEGY_LABELS[s] }),
        checked: s === query.strategy,
      })),
      profileItems: subject.value.profiles.map((p) => ({
        value: p.name,
        text: translateMessage(request.language, { message: p.title }),
        selected: p.name === subject.value.profile,
      })),
      defaultRadiusKm: subject.value.defaultRadiusKm,
      result: found,
      problem:
        result && !result.ok && !result.error.issues
          ? translateMessage(request.language, result.error)
          : undefined,
      map:
        found && centre && found.candidates.length > 0
          ? partnersMap(
              centre,
              found.radiusKm,
              found.candidates.map((c) => c.location),
            )
          : undefined,
      placesBasis: PLACES_BASIS,
      // The candidates side by side in one table (no map), for comparing them.
      tableView: raw.view === 'table',
      groupLabels: SCHOOL_GROUP_LABELS,
      tagLabels: CANDIDATE_TAG_LABELS,
      practice: Object.fromEntries(
        [...practice].map(([urn, found]) => [
          urn,
          found.map((p) => ({ ...p, line: translatePhrase(request.language, p.line) })),
        ]),
      ),
    });
  });
};

/** Every field of the search form the page shows an error beside; others point at the first. */
const FIELDS = new Set([
  'strategy',
  'radiusKm',
  'profile',
  'limit',
  'type',
  'trust',
  'near',
  'languageMedium',
]);
const formIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({
    field: FIELDS.has(String(i.path[0])) ? String(i.path[0]) : 'strategy',
    message: i.message,
  }));

export default partners;
