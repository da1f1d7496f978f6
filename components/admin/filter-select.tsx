// A labelled <select> of a staff list's GET filter form, with an "any" choice first.
export const filterControlClass = 'mt-1 rounded border border-rule bg-paper px-2 py-1 font-normal';

export function FilterSelect({
  label,
  name,
  defaultValue,
  anyLabel = 'Any',
  options,
}: {
  label: string;
  name: string;
  defaultValue: string | number | undefined;
  anyLabel?: string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <label className="flex flex-col font-semibold">
      {label}
      <select name={name} defaultValue={defaultValue ?? ''} className={filterControlClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
