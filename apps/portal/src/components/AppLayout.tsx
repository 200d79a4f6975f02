import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { createContext, useContext, useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { session, setUnauthenticatedHandler, type Me } from '../api/client';
import { useInbox, useMe } from '../api/queries';
import type { Role } from '../auth';
import { ROLE, T, label } from '../glossary';
import { MENU } from '../menu';
import { Forbidden } from './Forbidden';
import { InboxDrawer } from './InboxDrawer';

const MeContext = createContext<Me | null>(null);

/** The logged-in user (inside the shell). */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside the shell');
  return me;
}

/** A page only some roles use: others see 无权查看. */
export function RequireRole({ roles, children }: { roles: Role[]; children?: React.ReactNode }) {
  const me = useCurrentUser();
  if (!roles.includes(me.role)) return <Forbidden />;
  return <>{children ?? <Outlet />}</>;
}

function loginPath(location: { pathname: string; search: string }, expired = false): string {
  const from = encodeURIComponent(location.pathname + location.search);
  return `/login?from=${from}${expired ? '&expired=1' : ''}`;
}

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const hasToken = !!session.token();
  const me = useMe(hasToken);
  const inbox = useInbox(!!me.data);
  const [drawer, setDrawer] = useState(false);

  // An expired token anywhere: back to the login page, then to where the user was.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      qc.clear();
      message.warning(T.sessionExpired);
      navigate(loginPath(window.location, true), { replace: true });
    });
  }, [navigate, qc, message]);

  if (!hasToken) return <Navigate to={loginPath(location)} replace />;
  if (me.isLoading || !me.data) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin description={T.loading} />
      </div>
    );
  }
  const user = me.data;
  const menu = MENU.filter((m) => m.roles.includes(user.role));
  const selected = menu
    .map((m) => m.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];

  const logout = () => {
    session.clear();
    qc.clear();
    navigate('/login', { replace: true });
  };

  return (
    <MeContext.Provider value={user}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            {T.appName}
          </Typography.Title>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected ? [selected] : []}
            items={menu.map((m) => ({ key: m.path, label: m.label }))}
            onClick={({ key }) => navigate(key)}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Space size="middle" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            <span data-testid="current-user">
              {user.displayName} · {label(ROLE, user.role)}
              {user.unitName ? ` · ${user.unitName}` : ''}
            </span>
            <Badge count={inbox.data?.unreadCount ?? 0} size="small" data-testid="unread-count">
              <Button type="text" aria-label={T.inbox} icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} onClick={() => setDrawer(true)} />
            </Badge>
            <Button type="text" icon={<LogoutOutlined />} style={{ color: '#fff' }} onClick={logout}>
              {T.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
        <InboxDrawer open={drawer} onClose={() => setDrawer(false)} page={inbox.data} />
      </Layout>
    </MeContext.Provider>
  );
}
