import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import {
  ownProfile,
  publishOwnProfile,
  saveOwnProfile,
  withdrawOwnProfile,
} from '../../app/leaders/own-profile.ts';
import type { SessionUser } from '../../domain/access.ts';
import { translateMessage } from '../../i18n/index.ts';
import { FREE_WITHIN, FREE_WITHIN_LABELS, type SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { sendProblem } from '../http/problem.ts';
import { dateParts, postedValues } from './form-values.ts';
import {
  daysText,
  designationCheckboxes,
  designationText,
  expertiseItems,
  phaseCheckboxes,
} from './presenters.ts';

type Values = Record<string, unknown>;

/** The form as the person last saved it. */
function savedValues(p: SystemLeaderProfile | undefined, user: SessionUser): Values {
  return {
    jobTitle: p?.jobTitle ?? '',
    urn: String(p?.urn ?? user.schools[0]?.urn ?? ''),
    claimedDesignations: p?.claimedDesignations ?? [],
    expertise: p?.expertise ?? [],
    phases: p?.phases ?? [],
    experience: p?.experience ?? '',
    daysPerTerm: p ? String(p.availability.daysPerTerm) : '',
    availableFrom: dateParts(p?.availability.from),
    availableTo: dateParts(p?.availability.to),
    travelKm: p?.travelKm === null || !p ? '' : String(p.travelKm),
    worksRemotely: p?.worksRemotely ? 'yes' : '',
    dayRatePounds: p?.dayRatePounds === null || !p ? '' : String(p.dayRatePounds),
    freeWithin: p?.freeWithin ?? '',
  };
}

/** The form as the person typed it. */
const posted = (body: unknown): Values =>
  postedValues(body, {
    text: [
      'jobTitle',
      'urn',
      'experience',
      'daysPerTerm',
      'travelKm',
      'worksRemotely',
      'dayRatePounds',
      'freeWithin',
    ],
    dates: ['availableFrom', 'availableTo'],
    lists: ['claimedDesignations', 'expertise', 'phases'],
  });

/** A person's own profile: fill it in, publish it, withdraw it. Only ever their own. */
const ownProfilePages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  async function render(
    reply: FastifyReply,
    user: SessionUser,
    values: Values,
    extra: Partial<FormErrors> | Values = {},
  ) {
    const { profile, capacity } = await ownProfile(ctx, user);
    const { language, t } = reply.request;
    const list = (key: string) => (values[key] as string[]) ?? [];
    const held = user.systemLeader?.designation;
    return reply.page('leaders/own-profile.njk', {
      profile,
      daysLeft: capacity ? daysText(capacity.daysLeft, language) : null,
      designationHint: [
        held ? t('leaders.own.verifiedHint', { designation: designationText(held, language) }) : '',
        t('leaders.own.designationsHint'),
      ].join(' '),
      values,
      designationItems: designationCheckboxes(list('claimedDesignations'), language),
      expertiseItems: expertiseItems(list('expertise'), language),
      phaseItems: phaseCheckboxes(list('phases'), language),
      freeWithinItems: [
        { value: '', text: t('leaders.own.rateApplies'), checked: !values.freeWithin },
        ...FREE_WITHIN.map((v) => ({
          value: v,
          text: translateMessage(language, { message: FREE_WITHIN_LABELS[v] }),
          checked: values.freeWithin === v,
        })),
      ],
      ...extra,
    });
  }

  app.get('/account/system-leader', signedIn, async (request, reply) => {
    const user = requireUser(request);
    const { profile } = await ownProfile(ctx, user);
    const query = request.query as Record<string, unknown>;
    return render(reply, user, savedValues(profile, user), {
      done: typeof query.done === 'string' ? query.done : '',
    });
  });

  app.post('/account/system-leader', signedIn, async (request, reply) => {
    const user = requireUser(request);
    const values = posted(request.body);
    const saved = await saveOwnProfile(ctx, user, values);
    if (!saved.ok) {
      reply.code(400);
      return render(reply, user, values, formErrors(saved.error));
    }
    return reply.redirect('/account/system-leader?done=saved', 303);
  });

  app.post('/account/system-leader/publish', signedIn, async (request, reply) => {
    const done = await publishOwnProfile(ctx, requireUser(request));
    if (!done.ok) return sendProblem(request, reply, done.error);
    return reply.redirect('/account/system-leader?done=published', 303);
  });

  app.post('/account/system-leader/withdraw', signedIn, async (request, reply) => {
    const done = await withdrawOwnProfile(ctx, requireUser(request));
    if (!done.ok) return sendProblem(request, reply, done.error);
    return reply.redirect('/account/system-leader?done=withdrawn', 303);
  });
};

export default ownProfilePages;
