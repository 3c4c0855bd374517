/** A mistake in how the command was called: printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Each command is bundled apart with its own copy of this class, so the
 * dispatcher recognises a usage error by its name, not by `instanceof`.
 */
export function isUsageError(err: unknown): err is Error {
  return err instanceof Error && err.name === 'UsageError';
}
