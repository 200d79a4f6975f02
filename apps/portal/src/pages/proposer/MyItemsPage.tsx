import { Card } from 'antd';
import { useSearchParams } from 'react-router';
import { ItemsTable } from '../office/ItemsPage';

/** 我的建议提案: the API lists only the proposer's own items. */
export default function MyItemsPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  return (
    <Card title="我的建议提案">
      <ItemsTable query={{ page, pageSize: 20 }} onPage={(p) => setParams({ page: String(p) })} />
    </Card>
  );
}
