import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, call, session } from '../../api/client';

/** 分管市领导: the vice mayors (account → name), for pickers and for showing a name where the item keeps the account. */
export function useLeaders() {
  return useQuery({
    queryKey: ['leaders'],
    enabled: !!session.token(),
    queryFn: () => call(api.GET('/api/leaders')),
    staleTime: 10 * 60_000,
  });
}

/** account → the person's name; never the account code itself (「分管市领导」 while unknown). */
export function useLeaderName(): (username: string | null | undefined) => string {
  const { data } = useLeaders();
  return (u) => (!u ? '—' : (data?.find((l) => l.username === u)?.name ?? '分管市领导'));
}

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
