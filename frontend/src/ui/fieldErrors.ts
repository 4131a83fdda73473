// A failed write's field errors for a form: one message per field the form shows, and
// whether any was shown inline (otherwise the form shows the error above its fields).
import { ApiError } from '../api/errors';

export function fieldErrors<F extends string>(error: unknown, fields: readonly F[]) {
  const server = error instanceof ApiError ? error : undefined;
  const messages = Object.fromEntries(fields.map((field) => [field, server?.fieldMessage(field)])) as Record<
    F,
    string | undefined
  >;
  const shownInline = fields.some((field) => messages[field]);
  return { messages, shownInline };
}
