import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/client';

/** A modal asking for a reason (ส่งคืน, ยกเลิก): focus stays inside, Escape closes it. */
export function ReasonDialog(props: {
  title: string;
  label: string;
  confirm: string;
  pending: boolean;
  error: ApiError | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    const element = dialog.current;
    // The dialog is removed rather than closed, so focus goes back by hand to what opened it.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const fieldError = props.error?.forField('reason');
  return (
    <dialog
      ref={dialog}
      aria-labelledby="reason-title"
      onCancel={props.onCancel}
      onKeyDown={(event) => {
        // A modal dialog lets Tab leave for the browser's own controls; keep it in the dialog.
        if (event.key !== 'Tab' || !dialog.current) return;
        const controls = [
          ...dialog.current.querySelectorAll<HTMLElement>('textarea, button:not([disabled])'),
        ];
        const first = controls[0];
        const last = controls[controls.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      <h2 id="reason-title">{props.title}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.pending) props.onConfirm(reason.trim());
        }}
      >
        <div className="field">
          <label htmlFor="reason">{props.label}</label>
          <textarea
            id="reason"
            required
            maxLength={1000}
            value={reason}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {fieldError && (
            <span id="reason-error" className="field-error">
              {fieldError}
            </span>
          )}
        </div>
        {props.error && !fieldError && (
          <p className="alert error" role="alert">
            {props.error.message}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button danger" disabled={props.pending}>
            {props.confirm}
          </button>
          <button type="button" className="button secondary" onClick={props.onCancel}>
            ปิด
          </button>
        </div>
      </form>
    </dialog>
  );
}
