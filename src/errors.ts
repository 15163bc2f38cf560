/**
 * An error whose message is safe to show to a user. `code` is stable (tests and
 * scripts may match it); the message starts with the component and names the bad value.
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    /** The message without the code: what people read (`message` is `code: detail`, for logs and the CLI). */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'UserError';
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
