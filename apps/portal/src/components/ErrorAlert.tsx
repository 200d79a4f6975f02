import { Alert } from 'antd';
import { ApiError } from '../api/client';

/** Field names the API reports (details.fields) → the label the form shows. */
export type FieldLabels = Record<string, string>;

/** The API's Chinese message, with each field it names, shown where the user acted. */
export function ErrorAlert({ error, fieldLabels = {} }: { error: unknown; fieldLabels?: FieldLabels }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', '操作未成功，请稍后重试');
  const fields = e.fields;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={e.message}
      description={
        fields.length ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {fields.map((f) => (
              <li key={f.field}>
                {fieldLabels[f.field] ?? fieldLabels[f.field.split('.')[0]] ?? '输入项'}：{f.errors.join('；')}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
