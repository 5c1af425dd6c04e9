import { type EntityName, ERRORS, type ErrorCode } from '../../common/errors.ts';

/** The one error type of the application: a stable code, its HTTP status and, where it applies, the field. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
    readonly headers?: Record<string, string>,
    /** Extra facts for the client, e.g. the existing record a duplicate points to. */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

export const notFound = (entity: EntityName) => new AppError('NOT_FOUND', { entity });
export const forbidden = () => new AppError('FORBIDDEN');
