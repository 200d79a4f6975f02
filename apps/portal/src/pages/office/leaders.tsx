import { Select } from 'antd';
import { useLeaderName, useLeaders } from '../../api/queries';

export { useLeaderName };

/** A vice mayor picked by name. */
export function LeaderPicker(props: { value?: string; onChange?: (v: string | undefined) => void; id?: string; style?: React.CSSProperties }) {
  const { data, isLoading } = useLeaders();
  return (
    <Select
      id={props.id}
      allowClear
      value={props.value}
      onChange={props.onChange}
      loading={isLoading}
      placeholder="选择分管市领导"
      style={props.style ?? { width: 200 }}
      options={(data ?? []).map((l) => ({ value: l.username, label: l.name }))}
    />
  );
}
