import type { Result } from '../app/result.ts';
import { UsageError } from './errors.ts';

/** The option a field is typed as: `radiusKm` is `--radius-km`. */
export const flag = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The value of a use case's result, or a UsageError (exit status 2) naming each option that was
 * wrong; `fields` renames fields given as arguments rather than options (`{ urn: 'URN' }`).
 */
export function valueOf<T>(result: Result<T>, fields: Record<string, string> = {}): T {
  if (result.ok) return result.value;
  const { issues, message } = result.error;
  if (!issues) throw new UsageError(message);
  throw new UsageError(issues.map((i) => `${fields[i.field] ?? flag(i.field)}: ${i.message}`).join('\n'));
}
