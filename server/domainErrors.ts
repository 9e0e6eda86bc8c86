/**
 * Domain errors: what services and repositories throw when a rule refuses an action. They carry a
 * code from the shared union and never an HTTP status; server/http/errors.ts maps each code to one.
 */
import { ErrorCode } from "../shared/errors";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.notFound, `${what} not found`);
export const forbidden = (message: string) => new DomainError(ErrorCode.forbidden, message);
export const invalidInput = (message: string, fields?: Record<string, string[]>) =>
  new DomainError(ErrorCode.invalidInput, message, fields);

/** A metadata write that did not become durable; the store changed nothing, in memory or on disk. */
export class StoreUnavailable extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.storeUnavailable, message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A stored file or row that cannot be read back as written; it is reported, never overwritten. */
export class StoreCorrupt extends DomainError {
  constructor(message: string) {
    super(ErrorCode.storeCorrupt, message);
  }
}
