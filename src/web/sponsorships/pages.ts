import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { recordSponsorship, sponsorPage, type SponsorRef } from '../../app/sponsorships/sponsorships.ts';
import { isCurrent } from '../../domain/sponsorship.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { postedValues } from '../leaders/form-values.ts';

type Extra = Partial<FormErrors> & { values?: Record<string, unknown> };

const blankValues = postedValues({}, { text: ['urn'], dates: ['startsOn', 'endsOn'] });

/**
 * The schools a sponsor has taken on, and the form that records another: for a trust at
 * `/organisations/{id}/sponsorships`, for a sponsor school at `/schools/{urn}/sponsorships`.
 * Only a platform administrator, the trust's officers or the sponsor school's administrators
 * reach them; anyone else is told there is no such page.
 */
const sponsorshipPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };
  const digits = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : undefined);

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
      const recorded = (request.query as Record<string, unknown>).recorded === '1';
      return reply.page('sponsorships/sponsor.njk', {
        title: request.t('sponsorships.title', { sponsor: loaded.value.sponsor.name }),
        sponsor: loaded.value.sponsor,
        back:
          'organisationId' in sponsor
            ? `/organisations/${sponsor.organisationId}/schools`
            : `/schools/${sponsor.urn}`,
        sponsorships: sponsorships.map((s) => ({ ...s, current: isCurrent(s, today) })),
        recorded,
        action: request.url.split('?')[0],
        values: blankValues,
        ...extra,
      });
    };

    app.get(path, signedIn, (request, reply) => render(request, reply));

    app.post(path, signedIn, async (request, reply) => {
      const sponsor = ref(request);
      if (!sponsor) return reply.callNotFound();
      const values = postedValues(request.body, { text: ['urn'], dates: ['startsOn', 'endsOn'] });
      const result = await recordSponsorship(ctx, sponsor, values, requireUser(request));
      if (result.ok) return reply.redirect(`${request.url.split('?')[0]}?recorded=1`, 303);
      if (result.error.code !== 'invalid-input') return reply.callNotFound();
      reply.code(400);
      return render(request, reply, { values, ...formErrors(result.error) });
    });
  }
};

export default sponsorshipPages;
