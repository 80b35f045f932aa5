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
}: {
  id: string;
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  anyLabel?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as V)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
