import { sql, type Kysely } from 'kysely';

/**
 * The paired readiness questions of a deployment (seed 003): when a deployment is commissioned,
 * the client school is given the client-side questions and the system leader the leader-side
 * ones, each as a readiness assessment of its own school. This row says which assessment is
 * which side of which deployment, so the deployment page can show both sides' progress and the
 * leader (who may not belong to their school in S2S) and the commissioner can reach them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deployment_readiness')
    .addColumn('partnership_id', 'integer', (c) =>
      c.notNull().references('deployments.partnership_id').onDelete('cascade'),
    )
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('client', 'leader')`))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().unique().references('readiness_assessments.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('deployment_readiness_pk', ['partnership_id', 'side'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deployment_readiness').ifExists().execute();
}
