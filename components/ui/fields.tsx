'use client';

// Labelled inputs that show their own error message and keep what was typed after a failed submit.
import { useId, type ComponentProps, type ReactNode } from 'react';
import { useFieldState } from './action-form';
import { useTypedBeforeHydration } from './typed-before-hydration';

const inputClass =
  'mt-1 block w-full rounded border border-rule bg-paper px-3 py-2 text-sm text-ink aria-[invalid=true]:border-red-600 focus:border-ink';

function useField(name: string, defaultValue?: string) {
  const state = useFieldState();
  const errors = state.errors?.[name];
  const kept = state.values?.[name];
  return { errors, value: kept ?? defaultValue ?? '' };
}

function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, errors?: string[]) {
  return [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

type Common = { name: string; label: string; defaultValue?: string; hint?: ReactNode; required?: boolean };

/** What every control shares: its name, the label's id, and the error and hint wiring. */
function controlProps(id: string, p: Common, errors: string[] | undefined) {
  return {
    id,
    name: p.name,
    required: p.required,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy(id, p.hint, errors),
    className: inputClass,
  } as const;
}

export function TextField({
  type = 'text',
  autoComplete,
  maxLength,
  ...p
}: Common & {
  type?: 'text' | 'email' | 'password' | 'url' | 'datetime-local' | 'number';
  autoComplete?: string;
  maxLength?: number;
}) {
  const id = useId();
  const { errors, value } = useField(p.name, p.defaultValue);
  // A password is never sent back to the page, so it cannot be kept.
  const keep = type === 'password' ? undefined : value;
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} errors={errors}>
      <input
        {...controlProps(id, p, errors)}
        type={type}
        defaultValue={keep}
        key={keep}
        autoComplete={autoComplete}
        maxLength={maxLength}
      />
    </FieldShell>
  );
}

export function TextArea({ rows = 4, ...p }: Common & { rows?: number }) {
  const id = useId();
  const { errors, value } = useField(p.name, p.defaultValue);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} errors={errors}>
      <KeptTextarea {...controlProps(id, p, errors)} rows={rows} server={value} key={value} />
    </FieldShell>
  );
}

/** A textarea that starts with the server's text, or with what was typed into it before hydration. */
function KeptTextarea({ server, ...props }: ComponentProps<'textarea'> & { id: string; server: string }) {
  return <textarea {...props} defaultValue={useTypedBeforeHydration(props.id, server)} />;
}

export function SelectField({ options, ...p }: Common & { options: { value: string; label: string }[] }) {
  const id = useId();
  const { errors, value } = useField(p.name, p.defaultValue);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} errors={errors}>
      <select {...controlProps(id, p, errors)} defaultValue={value} key={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
}) {
  const id = useId();
  const state = useFieldState();
  const kept = state.values ? state.values[name] === 'on' : undefined;
  const checked = kept ?? defaultChecked ?? false;
  return (
    <div className="mb-4 flex items-center gap-2">
      <input id={id} type="checkbox" name={name} defaultChecked={checked} key={String(checked)} className="h-4 w-4" />
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
    </div>
  );
}

export function FileField({
  name,
  label,
  accept,
  hint,
}: {
  name: string;
  label: string;
  accept: string;
  hint?: ReactNode;
}) {
  const id = useId();
  const { errors } = useField(name);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      />
    </FieldShell>
  );
}
