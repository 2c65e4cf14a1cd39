/** A client-side check that failed: its message is meant for the user, like an ApiError's. */
export class FormError extends Error {
  override readonly name = 'FormError';
}

const USER_FACING = new Set(['ApiError', 'FormError']);

/** The text a user sees for a failure: the server's Chinese message when there is one. */
export function errorMessage(error: unknown, fallback = '出了点问题，请重试'): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const message = (error as { message: unknown }).message;
    // Only ApiError/FormError messages are meant for users; a bare JS error would show English internals.
    const name = (error as { name?: unknown }).name;
    if (typeof message === 'string' && message && typeof name === 'string' && USER_FACING.has(name)) return message;
  }
  return fallback;
}

/** The ApiError code, when the failure came from a function. */
export function errorCode(error: unknown): string | null {
  if (error && typeof error === 'object' && (error as { name?: unknown }).name === 'ApiError') {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}
