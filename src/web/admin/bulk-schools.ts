import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import type { previewBulkSchools } from '../../app/admin/organisations.ts';
import { searchFilters } from '../../app/schools/search.ts';
import type { Language } from '../../domain/language.ts';
import { translator } from '../../i18n/index.ts';
import { areaItems } from '../http/places.ts';

type Preview = Extract<Awaited<ReturnType<typeof previewBulkSchools>>, { ok: true }>['value'];

/** The local authority choices of the bulk addition form, the chosen one selected. */
export async function localAuthorityItems(ctx: AppContext, chosen: unknown, language: Language) {
  const { localAuthorities } = await searchFilters(ctx);
  return areaItems(
    language,
    localAuthorities,
    typeof chosen === 'string' ? chosen : undefined,
    translator(language)('admin.bulk.chooseLa'),
  );
}

/**
 * The preview of a bulk addition, with the form that confirms it (the same choice, hidden), for
 * platform administrators and an organisation's own officers alike.
 */
export function renderBulkPreview(
  reply: FastifyReply,
  preview: Preview,
  body: Record<string, unknown>,
  where: {
    organisation: { name: string };
    breadcrumbs: { text: string; href?: string }[];
    bulkAction: string;
    changeHref: string;
  },
) {
  const { input } = preview;
  return reply.page('admin/organisation-bulk.njk', {
    ...where,
    ...preview,
    hidden: {
      by: input.by,
      la: body.la,
      trust: body.trust,
      urns: input.by === 'urns' ? input.urns.join(' ') : undefined,
    },
  });
}
