// Errors that stop a command: the CLI boundary prints them and maps them to exit codes.
export class KithError extends Error {
  constructor(message: string, readonly hint?: string, readonly exitCode = 1) {
    super(message);
    this.name = 'KithError';
  }
}

export class UsageError extends KithError {
  constructor(message: string, hint?: string) {
    super(message, hint, 2);
  }
}
