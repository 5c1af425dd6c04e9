import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../common/roles.ts';
import type { UserView } from '../../../../common/schemas/users.ts';
import { showError } from '../../app/formErrors.ts';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UsersTable } from './UsersTable.tsx';
import { listUsers, type UserFilters, updateUser } from './usersApi.ts';

type Editing = { user: UserView | null } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<UserFilters>({});
  const [search, setSearch] = useState('');
  const paging = useCursorPages();
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const query = useQuery({
    queryKey: ['users', filters, paging.cursor],
    queryFn: () => listUsers(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (change: Partial<UserFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    paging.reset();
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const setActive = async (user: UserView, active: boolean) => {
    try {
      await updateUser(user.id, { active });
      void message.success(t(active ? 'users.reactivated' : 'users.deactivated', { name: user.displayName }));
      await refresh();
    } catch (e) {
      showError(e, message);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <FilterBar>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => applyFilters({ q: q.trim() || undefined })}
            style={{ width: 260 }}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.filterRole')}
            value={filters.role}
            onChange={(role) => applyFilters({ role })}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            style={{ width: 150 }}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('users.filterStatus')}
            value={filters.active}
            onChange={(active) => applyFilters({ active })}
            options={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
            style={{ width: 120 }}
          />
        </FilterBar>
        <UsersTable
          query={query}
          paging={paging}
          onEdit={(user) => setEditing({ user })}
          onResetPassword={setResetting}
          onSetActive={setActive}
        />
        {editing && (
          <UserFormModal
            open
            user={editing.user}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              void refresh();
            }}
          />
        )}
      </Card>
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
