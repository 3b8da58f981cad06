import type { FastifyReply, FastifyRequest } from 'fastify';
import { openAssessment, type Opened, type ReadinessNeed } from '../../app/readiness/access.ts';
import type { AppContext } from '../../app/context.ts';
import type { Language } from '../../domain/language.ts';
import type { Catalogue } from '../../domain/readiness/catalogue.ts';
import { localiseFramework } from '../../domain/readiness/localise.ts';
import { forbid } from '../http/guards.ts';

export interface ReadinessDeps {
  ctx: AppContext;
  catalogue: Catalogue;
}

/** A framework's title in the reader's language, and whether it is the English for want of Welsh. */
export function frameworkTitleIn(catalogue: Catalogue, language: Language, id: string, version: number) {
  const framework = catalogue.find(id, version);
  if (!framework) return { frameworkTitle: id, frameworkTitleInEnglish: false };
  const shown = localiseFramework(framework, language);
  return { frameworkTitle: shown.title, frameworkTitleInEnglish: shown.inEnglish.includes(shown.title) };
}

/**
 * The assessment a request names, if the signed-in user may do what the route needs: a reader
 * who may not change it gets 403, anyone else is told it does not exist. Its framework is in the
 * reader's language where the framework file has the words.
 */
export async function openFor(
  { ctx }: ReadinessDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  need: ReadinessNeed,
  idParam: string = 'id',
): Promise<Opened | undefined> {
  const id = Number((request.params as Record<string, unknown>)[idParam]);
  const opened = await openAssessment(ctx, request.user ?? null, id, need);
  if (opened.ok)
    return { ...opened.value, framework: localiseFramework(opened.value.framework, request.language) };
  if (opened.error.code === 'forbidden') await forbid(request, reply);
  else reply.callNotFound();
  return undefined;
}
