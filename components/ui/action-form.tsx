'use client';

// A form bound to a server action through useActionState. It works without JavaScript (the browser
// posts it, the server runs the action and renders the page with the returned state) and, with it,
// without a full reload. Fields read errors and kept values from the context.
import { createContext, useActionState, useContext, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Notice } from '@/components/ui/notice';
import type { ActionState, FormAction } from '@/lib/action-state';

const FormStateContext = createContext<ActionState>({});
export const useFieldState = () => useContext(FormStateContext);

export function ActionForm({
  action,
  children,
  className,
  id,
  encType,
  actionName,
}: {
  action: FormAction;
  children: ReactNode;
  className?: string;
  id?: string;
  encType?: 'multipart/form-data';
  /** names the form for tests and the permission matrix: data-action="story.save" */
  actionName: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} className={className} id={id} encType={encType} data-action={actionName} noValidate>
        <FormMessage state={state} />
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const hasErrors = state.ok === false || (state.errors && Object.keys(state.errors).length > 0);
  return <Notice tone={hasErrors ? 'problem' : 'done'}>{state.message}</Notice>;
}

export function SubmitButton({
  children,
  name,
  value,
  variant = 'primary',
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  const { pending } = useFormStatus();
  const styles = {
    primary: 'bg-brand text-white hover:bg-brand-dark dark:text-black',
    secondary: 'border border-rule bg-paper text-ink hover:border-ink',
    danger:
      'border border-red-700 bg-paper text-red-700 hover:bg-red-50 dark:border-red-400 dark:text-red-400 dark:hover:bg-red-950',
  }[variant];
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 text-sm font-semibold disabled:opacity-60 ${styles}`}
    >
      {children}
    </button>
  );
}
