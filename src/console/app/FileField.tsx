/**
 * A file chooser that speaks Thai whatever the browser's own language. A native file input
 * draws its button and its "no file chosen" in the browser's language (English in many
 * installations), so the input is hidden from sight but kept focusable and labelled, and its
 * label is drawn as the button: a click or Enter on either opens the chooser. The chosen
 * files are handed over and the input emptied, so that the same file can be chosen again.
 */
export function FileField({
  id,
  label,
  accept,
  multiple = false,
  onFiles,
}: {
  id: string;
  label: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <div className="field file-field">
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          event.target.value = '';
          if (chosen.length) onFiles(chosen);
        }}
      />
      <label htmlFor={id} className="button secondary">
        {label}
      </label>
    </div>
  );
}
