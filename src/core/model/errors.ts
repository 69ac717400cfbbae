// Errors that stop a command. Core says what went wrong and what to try; only cli/ decides
// the exit code, from the class: a KithError is a failure, a UsageError a request that
// cannot be understood as given (a bad flag, an ambiguous or unknown reference).
export class KithError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends KithError {}
