import type { FastifyPluginAsync } from 'fastify';
import { frameworkCatalogue } from '../../app/readiness/catalogue.ts';
import type { AppContext } from '../../app/context.ts';
import readinessApi from './api.ts';
import plan from './plan-pages.ts';
import questionnaire from './questionnaire-pages.ts';
import report from './report-pages.ts';
import school from './school-pages.ts';

/** Readiness for collaboration: the frameworks are read once, when the service starts. */
const readiness: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const deps = { ctx, catalogue: await frameworkCatalogue() };
  await app.register(questionnaire, deps);
  await app.register(report, deps);
  await app.register(plan, deps);
  await app.register(school, deps);
  await app.register(readinessApi, deps);
};

export default readiness;
