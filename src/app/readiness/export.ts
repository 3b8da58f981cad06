import { findAssessment, listActions, previousCompletedAnswers } from '../../data/readiness.ts';
import { exportDocument } from '../../domain/readiness/export.ts';
import type { Framework } from '../../domain/readiness/framework.ts';
import { answerRows, CSV_COLUMNS, type CsvRow } from '../../domain/readiness/report.ts';
import type { Answer } from '../../domain/readiness/scoring.ts';
import { writeCsv } from '../csv.ts';
import type { Translate } from '../../i18n/index.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, worded } from '../result.ts';
import { frameworkCatalogue } from './catalogue.ts';

/** One assessment with the framework version it was answered against. */
async function assessmentWithFramework(ctx: Pick<AppContext, 'db'>, id: number) {
  const assessment = await findAssessment(ctx.db, id);
  if (!assessment) return fail('not-found', worded('no readiness assessment has the id {{id}}', { id }));
  const framework = (await frameworkCatalogue()).find(assessment.frameworkId, assessment.frameworkVersion);
  if (!framework) {
    throw new Error(
      `assessment ${id} uses framework ${assessment.frameworkId} version ${assessment.frameworkVersion}, which is not on hand`,
    );
  }
  return ok({ assessment, framework });
}

/** An assessment's scored report, gaps and actions (for the operator at the command line). */
export async function readinessReport(ctx: Pick<AppContext, 'db'>, id: number) {
  const found = await assessmentWithFramework(ctx, id);
  if (!found.ok) return found;
  const { assessment, framework } = found.value;
  const document = exportDocument(
    framework,
    assessment,
    await listActions(ctx.db, id),
    await previousCompletedAnswers(ctx.db, assessment),
  );
  return ok({ document, frameworkTitle: framework.title });
}

/** An assessment's answers as CSV, one row per item. */
export async function readinessAnswersCsv(ctx: Pick<AppContext, 'db'>, id: number, t: Translate) {
  const found = await assessmentWithFramework(ctx, id);
  if (!found.ok) return found;
  return ok(answersCsv(found.value.framework, found.value.assessment.answers, t));
}

/**
 * One row per item, with a header, as spreadsheets expect: the same rows for the web download and
 * the CLI, its headings and fixed words (not answered, yes, no) in the reader's language (`t`; the
 * CLI's stay English, as the JSON export's do).
 */
export function answersCsv(framework: Framework, answers: readonly Answer[], t: Translate): string {
  const said = (row: CsvRow): CsvRow => ({
    ...row,
    ratingLabel: row.rating === '' ? t('csv.readinessCells.notAnswered') : row.ratingLabel,
    gap: t(`csv.readinessCells.${row.gap}`),
    strength: t(`csv.readinessCells.${row.strength}`),
  });
  return writeCsv(
    CSV_COLUMNS.map((column) => t(`csv.readinessAnswers.${column}`)),
    answerRows(framework, answers).map((row) => CSV_COLUMNS.map((column) => said(row)[column])),
  );
}
