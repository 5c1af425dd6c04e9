import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  DashboardOutlined,
  DownOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Flex, Layout, Menu, Space, Typography, theme } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageFallback } from '../components/PageFallback.tsx';
import { LoadFailed } from '../components/StatusResult.tsx';
import { InboxBadge } from '../features/applications/InboxBadge.tsx';
import { logout } from '../features/auth/authApi.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { ApiError } from './api.ts';
import { menuTree, NAV, type NavEntry, navKeyFor } from './nav.ts';
import { hasAnyRole, UserContext, useSessionQuery } from './session.tsx';

const ChangePasswordModal = lazy(async () => ({
  default: (await import('../features/auth/ChangePasswordModal.tsx')).ChangePasswordModal,
}));

const ICONS: Record<string, ReactNode> = {
  '/': <HomeOutlined />,
  '/notifications': <BellOutlined />,
  '/users': <TeamOutlined />,
  '/settings/organization': <BankOutlined />,
  '/audit': <AuditOutlined />,
  '/jobs': <ScheduleOutlined />,
  '/outbox': <MailOutlined />,
  'nav.spaces': <AppstoreOutlined />,
  'nav.customersGroup': <SolutionOutlined />,
  'nav.admission': <FileDoneOutlined />,
  'nav.contractsGroup': <FileProtectOutlined />,
  'nav.financeGroup': <AccountBookOutlined />,
  'nav.utilitiesGroup': <DashboardOutlined />,
  'nav.receivablesGroup': <BarChartOutlined />,
};

/** Counts shown beside a menu entry, outside its link so the link's text stays the page's name. */
const BADGES: Record<string, ReactNode> = {
  '/applications': <InboxBadge />,
};

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  if (session.isPending) return <PageFallback />;
  if (session.isError) {
    // A 401 is already on its way to the login page.
    if (session.error instanceof ApiError && session.error.status === 401) return <PageFallback />;
    return <LoadFailed message={session.error.message} onRetry={() => void session.refetch()} />;
  }
  const user = session.data;

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // Signing out must always end on the login page, even if the session is already gone.
    }
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  const selected = navKeyFor(location.pathname);
  const link = (entry: NavEntry) => ({
    key: entry.path,
    icon: ICONS[entry.path],
    label: BADGES[entry.path] ? (
      <Flex justify="space-between" align="center" gap={8}>
        <Link to={entry.path}>{t(entry.labelKey)}</Link>
        {BADGES[entry.path]}
      </Flex>
    ) : (
      <Link to={entry.path}>{t(entry.labelKey)}</Link>
    ),
  });
  const menuItems = menuTree(NAV.filter((entry) => hasAnyRole(user, entry.roles))).map((node) =>
    'entries' in node
      ? { key: node.group, icon: ICONS[node.group], label: t(node.group), children: node.entries.map(link) }
      : link(node),
  );
  const groups = NAV.flatMap((entry) => (entry.group ? [entry.group] : []));

  return (
    <UserContext.Provider value={user}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          breakpoint="lg"
          // Stays in view while a long page scrolls.
          style={{ position: 'sticky', top: 0, height: '100vh' }}
        >
          <div
            style={{
              height: 56,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              color: '#fff',
              fontWeight: 600,
              fontSize: collapsed ? 18 : 16,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
            }}
          >
            {collapsed ? t('app.mark') : t('app.name')}
          </div>
          {/* The menu scrolls between the brand and the collapse trigger, so its last entry is never under the trigger. */}
          <div style={{ height: 'calc(100vh - 56px - 48px)', overflowY: 'auto', overflowX: 'hidden' }}>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[selected]}
              // Groups start open: their pages are daily work, not settings tucked away.
              defaultOpenKeys={groups}
              items={menuItems}
            />
          </div>
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{
              background: token.colorBgContainer,
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
              padding: '0 16px',
              height: 56,
              lineHeight: '56px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
            }}
          >
            <Typography.Text strong>{user.org.name}</Typography.Text>
            <Space size="middle">
              <NotificationBell />
              <LanguageSwitch />
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
                    { type: 'divider' },
                    { key: 'signOut', icon: <LogoutOutlined />, label: t('auth.signOut') },
                  ],
                  onClick: ({ key }) => (key === 'signOut' ? void signOut() : setChangingPassword(true)),
                }}
              >
                <Button type="text" icon={<UserOutlined />}>
                  {user.displayName} <DownOutlined style={{ fontSize: 10 }} />
                </Button>
              </Dropdown>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ margin: 16 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </UserContext.Provider>
  );
}
