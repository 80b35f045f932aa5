import { ApiError } from '../../api/client';

/**
 * The problem of a failed command, split as the forms show it: each field's Thai message
 * beside the field, and whatever names no field of this form at the top.
 */
export function problems(error: unknown, fields: readonly string[]) {
  const problem = error instanceof ApiError ? error : null;
  const forField = (field: string) => problem?.forField(field);
  const page = problem && !fields.some((f) => problem.forField(f)) ? problem.message : null;
  return { forField, page };
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'password';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
}

/** A labelled input with its hint and the API's complaint, both tied to it for screen readers. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  type = 'text',
  autoComplete,
  inputMode,
}: TextFieldProps) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The form-level message of a failed command (one that names none of the form's fields). */
export function PageProblem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="alert error" role="alert">
      {message}
    </p>
  );
}

/** What a command did, announced politely. */
export function Done({ message }: { message: string | null }) {
  return (
    <p className="admin-status" role="status">
      {message}
    </p>
  );
}
