import { Select } from 'antd';
import { useUnits } from '../api/queries';

/** Units from the directory (GET /api/units), searchable by name. */
export function UnitPicker(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string; exclude?: string[]; placeholder?: string }) {
  const { data, isLoading } = useUnits();
  return (
    <Select
      id={props.id}
      mode="multiple"
      value={props.value}
      onChange={props.onChange}
      loading={isLoading}
      placeholder={props.placeholder ?? '选择单位'}
      optionFilterProp="label"
      options={(data ?? []).filter((u) => !props.exclude?.includes(u.code)).map((u) => ({ value: u.code, label: u.name }))}
    />
  );
}
