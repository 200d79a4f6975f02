import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { T } from '../glossary';

export function Forbidden({ message }: { message?: string }) {
  return (
    <Result
      status="403"
      title={T.forbidden}
      subTitle={message ?? T.forbiddenHint}
      extra={
        <Link to="/">
          <Button type="primary">{T.backHome}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  return (
    <Result
      status="404"
      title={T.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{T.backHome}</Button>
        </Link>
      }
    />
  );
}
