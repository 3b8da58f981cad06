/** Where in a file a problem was found; rows count as a spreadsheet does (the header is row 1). */
export interface ProblemPlace {
  file: string;
  row?: number;
  field?: string;
}

export interface Problem extends ProblemPlace {
  message: string;
}

export function describeProblem(p: Problem): string {
  const where = [p.file, p.row === undefined ? null : `row ${p.row}`, p.field ? `field "${p.field}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

/**
 * An import that cannot land. It carries every problem found (up to a limit) so the user can fix
 * the file in one pass; the loader throws it inside the transaction, so nothing is written.
 */
export class ImportError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[], more = 0) {
    const lines = problems.map(describeProblem);
    if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? '' : 's'}`);
    super(lines.length === 1 ? lines[0] : `The import was stopped:\n  ${lines.join('\n  ')}`);
    this.name = 'ImportError';
    this.problems = problems;
  }

  static at(place: ProblemPlace, message: string): ImportError {
    return new ImportError([{ ...place, message }]);
  }
}

const MAX_REPORTED = 20;

/**
 * Collects what is wrong with rows while a file streams: fatal problems (reported together at
 * the end, or once there are too many to be worth reading on) and rows skipped for a reason.
 */
export class RowProblems {
  private readonly fatal: Problem[] = [];
  private fatalCount = 0;
  readonly skipped = new Map<string, number>();
  /** Of the rows skipped, those that are totals (national, regional, LA) or notes, not schools. */
  skippedTotals = 0;

  constructor(readonly file: string) {}

  add(row: number, field: string | undefined, message: string): void {
    this.fatalCount += 1;
    if (this.fatal.length < MAX_REPORTED) this.fatal.push({ file: this.file, row, field, message });
    else this.throwIfAny();
  }

  skip(reason: string, count = 1): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count);
  }

  /** A row of totals or a notes line: skipped, and counted apart so the summary can say so. */
  skipTotal(reason: string): void {
    this.skip(reason);
    this.skippedTotals += 1;
  }

  throwIfAny(): void {
    if (this.fatalCount > 0) throw new ImportError(this.fatal, this.fatalCount - this.fatal.length);
  }
}
