import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import {
  endSponsorship,
  recordSponsorship,
  sponsorPage,
  type SponsorRef,
} from '../../app/sponsorships/sponsorships.ts';
import { isCurrent } from '../../domain/sponsorship.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { postedValues } from '../leaders/form-values.ts';

type Extra = Partial<FormErrors> & {
  values?: Record<string, unknown>;
  endValues?: Record<string, unknown>;
  action?: string;
};

/** The fields of the form that records a sponsorship, and of the one that ends one. */
const RECORD_FIELDS = { text: ['urn'], dates: ['startsOn', 'endsOn'] };
const END_FIELDS = { text: ['sponsorship'], dates: ['endedOn'] };

/**
 * The schools a sponsor has taken on, the form that records another and the one that ends a
 * sponsorship still open (posted to `…/sponsorships/end`): for a trust at
 * `/organisations/{id}/sponsorships`, for a sponsor school at `/schools/{urn}/sponsorships`.
 * Only a platform administrator, the trust's officers or the sponsor school's administrators
 * reach them; anyone else is told there is no such page.
 */
const sponsorshipPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };
  const digits = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : undefined);
  const pathOf = (request: FastifyRequest) => request.url.split('?')[0]!;

  const routes: { path: string; ref: (request: FastifyRequest) => SponsorRef | undefined }[] = [
    {
      path: '/organisations/:organisationId/sponsorships',
      ref: (request) => {
        const id = digits((request.params as { organisationId: string }).organisationId);
        return id === undefined ? undefined : { organisationId: id };
      },
    },
    {
      path: '/schools/:urn/sponsorships',
      ref: (request) => {
        const urn = digits((request.params as { urn: string }).urn);
        return urn === undefined ? undefined : { urn };
      },
    },
  ];

  for (const { path, ref } of routes) {
    const render = async (request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) => {
      const sponsor = ref(request);
      if (!sponsor) return reply.callNotFound();
      const loaded = await sponsorPage(ctx, sponsor, requireUser(request));
      if (!loaded.ok) return reply.callNotFound();
      const { sponsorships, today } = loaded.value;
      const query = request.query as Record<string, unknown>;
      const listed = sponsorships.map((s) => ({ ...s, current: isCurrent(s, today) }));
      return reply.page('sponsorships/sponsor.njk', {
        title: request.t('sponsorships.title', { sponsor: loaded.value.sponsor.name }),
        sponsor: loaded.value.sponsor,
        back:
          'organisationId' in sponsor
            ? `/organisations/${sponsor.organisationId}/schools`
            : `/schools/${sponsor.urn}`,
        sponsorships: listed,
        open: listed.filter((s) => s.endsOn === null),
        recorded: query.recorded === '1',
        ended: query.ended === '1',
        action: pathOf(request),
        values: postedValues({}, RECORD_FIELDS),
        endValues: postedValues({}, END_FIELDS),
        ...extra,
      });
    };

    app.get(path, signedIn, (request, reply) => render(request, reply));

    app.post(path, signedIn, async (request, reply) => {
      const sponsor = ref(request);
      if (!sponsor) return reply.callNotFound();
      const values = postedValues(request.body, RECORD_FIELDS);
      const result = await recordSponsorship(ctx, sponsor, values, requireUser(request));
      if (result.ok) return reply.redirect(`${pathOf(request)}?recorded=1`, 303);
      if (result.error.code !== 'invalid-input') return reply.callNotFound();
      reply.code(400);
      return render(request, reply, { values, ...formErrors(result.error) });
    });

    app.post(`${path}/end`, signedIn, async (request, reply) => {
      const sponsor = ref(request);
      if (!sponsor) return reply.callNotFound();
      const endValues = postedValues(request.body, END_FIELDS);
      const result = await endSponsorship(ctx, sponsor, endValues, requireUser(request));
      const page = pathOf(request).replace(/\/end$/, '');
      if (result.ok) return reply.redirect(`${page}?ended=1`, 303);
      if (result.error.code !== 'invalid-input') return reply.callNotFound();
      reply.code(400);
      return render(request, reply, { endValues, action: page, ...formErrors(result.error) });
    });
  }
};

export default sponsorshipPages;
