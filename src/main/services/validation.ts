import { AppError, type FieldProblem } from '../../shared/contract/errors';
import { FIELD_LABELS } from '../../shared/contract/labels';

/**
 * Collects cross-field problems a schema cannot see (they need today's date or the store) and
 * throws them together, so the secretary fixes everything in one pass.
 */
export class ProblemList {
  private readonly problems: FieldProblem[] = [];

  constructor(private readonly labels: Record<string, string> = FIELD_LABELS) {}

  add(path: string, message: string): this {
    this.problems.push({ path, label: this.labels[path] ?? path, message });
    return this;
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const summary = this.problems.map((problem) => `${problem.label}：${problem.message}`).join('；');
    throw new AppError('VALIDATION', summary, this.problems);
  }
}
