import { Alert, Button, Card, Form, Progress, Space, Table, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call, idempotencyKey } from '../../api/client';
import { invalidateItem } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { T } from '../../glossary';
import { importErrorRows, progressView, type ImportErrorRow } from './import-errors';

type Uploaded = { imported: number; items: { row: number; id: string; number: string }[]; ignoredColumns: string[] };

/**
 * 批量登记: upload a .xlsx (or .csv); while the API registers the rows the page polls its progress;
 * the rows and columns in error come back as a table (nothing is registered then).
 */
export default function ImportPage() {
  const [file, setFile] = useState<File | undefined>();
  const [progressId, setProgressId] = useState<string | undefined>();
  const qc = useQueryClient();
  const upload = useMutation({
    mutationFn: ({ f, id }: { f: File; id: string }) => {
      const body = new FormData();
      body.append('file', f, f.name);
      return call(
        api.POST('/api/proposals/import', { params: { query: { progressId: id } }, body: body as never }),
      ) as Promise<Uploaded>;
    },
    onSuccess: () => invalidateItem(qc),
  });
  const progress = useQuery({
    queryKey: ['import-progress', progressId],
    enabled: !!progressId,
    queryFn: () => call(api.GET('/api/proposals/import/progress/{progressId}', { params: { path: { progressId: progressId! } } })),
    // Polled while the upload's answer is pending, once more when it came.
    refetchInterval: upload.isPending ? 300 : false,
  });
  const start = () => {
    if (!file) return;
    const id = idempotencyKey();
    setProgressId(id);
    upload.mutate({ f: file, id });
  };
  const view = upload.isSuccess ? progressView({ phase: 'done', total: upload.data.imported, done: upload.data.imported }) : progressView(progress.data);
  const errors = importErrorRows(upload.error);

  return (
    <Card title="批量登记（表格导入）">
      <Typography.Paragraph type="secondary">
        上传 .xlsx 表格（第一个工作表）或 UTF-8 编码的 .csv：第 1 行为表头（标题、类别、级别、年份、提出人姓名等），其后每行一件。
        任一行有误则不登记任何一件，并列出各处错误；同一文件重复上传不会重复登记。
      </Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="导入文件" required>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              upload.reset();
              setProgressId(undefined);
              return false;
            }}
            onRemove={() => setFile(undefined)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" disabled={!file} loading={upload.isPending} onClick={start}>
            开始导入
          </Button>
        </Form.Item>
      </Form>

      {progressId && !upload.isError && (
        <div data-testid="import-progress" style={{ maxWidth: 600, marginBottom: 16 }}>
          <Progress percent={view.percent} status={upload.isSuccess ? 'success' : 'active'} />
          <Typography.Text>{view.text}</Typography.Text>
        </div>
      )}

      {upload.isError && (
        <>
          <ErrorAlert error={upload.error} />
          {errors.rows.length > 0 && (
            <Table<ImportErrorRow>
              data-testid="import-errors"
              rowKey="key"
              size="small"
              title={() => `共 ${errors.total} 处错误${errors.total > errors.rows.length ? `（列出前 ${errors.rows.length} 处）` : ''}`}
              dataSource={errors.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '列', dataIndex: 'column', width: 160 },
                { title: '错误说明', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}

      {upload.isSuccess && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`已登记 ${upload.data.imported} 件`} />
          {upload.data.ignoredColumns.length > 0 && (
            <Alert type="info" showIcon title={`未识别而忽略的列：${upload.data.ignoredColumns.join('、')}`} />
          )}
          <Table
            data-testid="import-result"
            rowKey="id"
            size="small"
            dataSource={upload.data.items}
            locale={{ emptyText: T.empty }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '编号', dataIndex: 'number', render: (v: string, r) => <Link to={`/items/${r.id}`}>{v}</Link> },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
