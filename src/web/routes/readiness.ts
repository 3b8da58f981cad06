import type { FastifyPluginAsync } from 'fastify';
import { loadFrameworks } from '../../ingest/readiness-frameworks.ts';
import type { AppDeps } from '../app.ts';
import readinessApi from '../api/readiness.ts';
import plan from './readiness-plan.ts';
import questionnaire from './readiness-questionnaire.ts';
import report from './readiness-report.ts';
import school from './readiness-school.ts';

/** Readiness for collaboration: the frameworks are read once, when the service starts. */
const readiness: FastifyPluginAsync<AppDeps> = async (app, { db }) => {
  const deps = { db, catalogue: await loadFrameworks() };
  await app.register(questionnaire, deps);
  await app.register(report, deps);
  await app.register(plan, deps);
  await app.register(school, deps);
  await app.register(readinessApi, deps);
};

export default readiness;
