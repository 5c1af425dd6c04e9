import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../common/schemas/users.ts';
import type { Page } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';

interface Props {
  query: UseQueryResult<Page<UserView>>;
  paging: ReturnType<typeof useCursorPages>;
  onEdit: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
  onSetActive: (user: UserView, active: boolean) => Promise<void>;
}

export function UsersTable({ query, paging, onEdit, onResetPassword, onSetActive }: Props) {
  const { t, i18n } = useTranslation();
  const me = useUser();
  // The three action links, and the longest role, are about a third longer in English.
  const english = i18n.language === 'en';
  const actionsWidth = english ? 256 : 170;
  const rolesWidth = english ? 128 : 96;
  const timeZone = me.org.timeZone;

  const columns: TableColumnsType<UserView> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      width: 100,
      render: (username: string) => <Clipped text={username} />,
    },
    {
      key: 'displayName',
      title: t('users.displayName'),
      dataIndex: 'displayName',
      width: 100,
      render: (name: string) => <Clipped text={name} />,
    },
    {
      key: 'roles',
      title: t('users.roles'),
      dataIndex: 'roles',
      width: rolesWidth,
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
    {
      key: 'email',
      title: t('users.email'),
      dataIndex: 'email',
      render: (email: string | null) => <Clipped text={email} />,
    },
    {
      key: 'phone',
      title: t('users.phone'),
      dataIndex: 'phone',
      width: 110,
      render: (phone: string | null) => <Clipped text={phone} />,
    },
    {
      key: 'active',
      title: t('users.status'),
      dataIndex: 'active',
      width: 76,
      render: (active: boolean) =>
        active ? <Tag color="success">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>,
    },
    {
      key: 'lastLoginAt',
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      // Puts the date over the time, so all columns fit 1280 px wide.
      width: 100,
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
    <PagedTable<UserView>
      query={query}
      paging={paging}
      columns={columns}
      // The e-mail takes what the others leave; below 100 px for it the table scrolls sideways.
      scroll={{ x: minTableWidth(columns, 100) }}
      emptyText={t('users.empty')}
    />
  );
}
