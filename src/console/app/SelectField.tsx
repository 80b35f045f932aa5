/**
 * A labelled choice from a list of codes with their Thai labels; `anyLabel` puts an empty
 * choice ("ทั้งหมด") first, for filters.
 */
export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  anyLabel,
  note,
}: {
  id: string;
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  anyLabel?: string;
  /** A warning said beside the choice (and to assistive tech) */
  note?: string;
}) {
  return (
    <div className={`field${note ? ' low-confidence' : ''}`}>
      <label htmlFor={id}>
        {label}
        {note && <span className="check-mark"> (ต้องตรวจ)</span>}
      </label>
      <select
        id={id}
        value={value}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
      {note && (
        <span id={`${id}-note`} className="field-warning">
          {note}
        </span>
      )}
    </div>
  );
}
