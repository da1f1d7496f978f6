// The one result type of every form's server action (useActionState). `values` echoes what was typed,
// so a form that failed validation comes back with the input kept, with or without JavaScript.
export type ActionState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export const initialActionState: ActionState = {};

/** A form's server action. Pages pass it to the form component they render (components never import app/). */
export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A server action called with something that is not a form: only a hand-made request does that. The
 * server hook answers it 400 instead of an error page (lib/server/action-requests.cjs).
 */
export class UnreadableFormError extends Error {
  constructor() {
    super('The action was called without a form.');
    this.name = 'UnreadableFormError';
  }
}

/** Stops an action whose second argument is not the form it was posted with. */
export function assertForm(form: unknown): asserts form is FormData {
  if (!(form instanceof FormData)) throw new UnreadableFormError();
}

/** Plain string values of a submitted form (files are left out). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !['password', 'confirm', 'current'].includes(key))
      values[key] = value;
  }
  return values;
}

/** zod issues → { field: [messages] } for the form to show next to each field. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export type SafeParser<T> = {
  safeParse: (
    input: unknown,
  ) =>
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

/** Parses a submitted form with its zod schema; on failure, the state that shows each error by its field. */
export function parseForm<T>(
  schema: SafeParser<T>,
  form: FormData,
): { data: T; state?: undefined } | { data?: undefined; state: ActionState } {
  assertForm(form);
  const values = formValues(form);
  const result = schema.safeParse(Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith('$ACTION'))));
  if (result.success) return { data: result.data };
  return {
    state: {
      ok: false,
      message: 'Please correct the fields marked below.',
      errors: fieldErrors(result.error.issues),
      values,
    },
  };
}
