import { listAudit } from '../../data/audit.ts';
import type { AppContext } from '../context.ts';

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log, newest first: one school's entries, or (no URN) everything. */
export async function auditLog(ctx: Pick<AppContext, 'db'>, { urn, page }: { urn?: number; page: number }) {
  const log = await listAudit(ctx.db, { urn, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  return { ...log, pages: Math.max(1, Math.ceil(log.total / AUDIT_PAGE_SIZE)) };
}
