import { DatePicker, Form, Input, Radio, Space } from 'antd';
import { UnitPicker } from '../../components/UnitPicker';
import { ASSIGNMENT_MODE } from '../../glossary';
import { LeaderPicker } from './leaders';

type Field = 'mode' | 'leadUnitIds' | 'coUnitIds' | 'assignedOn';

/**
 * The fields of an assignment (交办), the same for one item and for a bulk assignment: mode, the
 * units (co-units only in lead mode), the day of assignment, the leader in charge and the division.
 * `status` gives a field its error from the form's own check.
 */
export function AssignmentFields(props: {
  values: { mode?: string; leadUnitIds?: string[] };
  status: (field: Field) => { validateStatus?: 'error'; help?: string };
  assignedOnLabel: string;
}) {
  const { values, status } = props;
  return (
    <>
      <Form.Item label="办理方式" name="mode" {...status('mode')}>
        <Radio.Group optionType="button" options={Object.entries(ASSIGNMENT_MODE).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label={values.mode === 'lead' ? '主办单位' : '承办单位'} name="leadUnitIds" {...status('leadUnitIds')}>
        <UnitPicker />
      </Form.Item>
      {values.mode === 'lead' && (
        <Form.Item label="会办单位" name="coUnitIds" {...status('coUnitIds')}>
          <UnitPicker exclude={values.leadUnitIds} />
        </Form.Item>
      )}
      <Space wrap size="large">
        <Form.Item label={props.assignedOnLabel} name="assignedOn" {...status('assignedOn')}>
          <DatePicker format="YYYY年M月D日" allowClear={false} />
        </Form.Item>
        <Form.Item label="分管市领导" name="leaderInCharge">
          <LeaderPicker />
        </Form.Item>
        <Form.Item label="办公厅责任处室" name="division">
          <Input placeholder="如 二处" style={{ width: 140 }} />
        </Form.Item>
      </Space>
    </>
  );
}
