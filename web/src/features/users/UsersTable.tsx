import { Button, Empty, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../common/schemas/users.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';

interface Props {
  users: UserView[];
  loading: boolean;
  onEdit: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
  onSetActive: (user: UserView, active: boolean) => Promise<void>;
}

export function UsersTable({ users, loading, onEdit, onResetPassword, onSetActive }: Props) {
  const { t, i18n } = useTranslation();
  const me = useUser();
  // The three action links are about a third longer in English.
  const actionsWidth = i18n.language === 'en' ? 280 : 210;
  const timeZone = me.org.timeZone;

  const columns: TableColumnsType<UserView> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', width: 140 },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
    {
      key: 'roles',
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (roles: UserView['roles']) => (
        <Space size={[0, 4]} wrap>
          {roles.map((role) => (
            <Tag key={role} color={role === 'admin' ? 'red' : role === 'customer' ? 'purple' : 'blue'}>
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'email', title: t('users.email'), dataIndex: 'email', ellipsis: true },
    { key: 'phone', title: t('users.phone'), dataIndex: 'phone', width: 130 },
    {
      key: 'active',
      title: t('users.status'),
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) =>
        active ? <Tag color="success">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>,
    },
    {
      key: 'lastLoginAt',
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 160,
      render: (at: string | null) => (at ? formatInstant(at, timeZone) : t('users.neverSignedIn')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: actionsWidth,
      render: (_: unknown, user) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(user)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(user)}>
            {t('users.resetPassword')}
          </Button>
          <Popconfirm
            title={t(user.active ? 'users.confirmDeactivate' : 'users.confirmReactivate', {
              name: user.displayName,
            })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => onSetActive(user, !user.active)}
          >
            <Button type="link" size="small" danger={user.active} disabled={user.id === me.id && user.active}>
              {t(user.active ? 'users.deactivate' : 'users.reactivate')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<UserView>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      scroll={{ x: 890 + actionsWidth }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} /> }}
    />
  );
}
