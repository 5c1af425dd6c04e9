import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { Clipped, minTableWidth } from '../../components/PagedTable.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';
import {
  type ContactRole,
  type ContactView,
  CUSTOMERS,
  type CustomerView,
  deleteContact,
  listContacts,
  useCanEditCustomers,
} from './customersApi.ts';

export function ContactsTab({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const canEdit = useCanEditCustomers();
  const [editing, setEditing] = useState<{ contact: ContactView | null } | null>(null);
  const query = useQuery({
    queryKey: [CUSTOMERS, 'contacts', customer.id],
    queryFn: () => listContacts(customer.id),
  });

  const remove = (contact: ContactView) =>
    modal.confirm({
      title: t('customers.contacts.deleteTitle', { name: contact.name }),
      content: contact.isPrimary ? t('customers.contacts.deletePrimary') : undefined,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await deleteContact(customer.id, contact.id);
          void message.success(t('customers.contacts.deleted', { name: contact.name }));
          await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
        } catch (e) {
          showError(e, message);
        }
      },
    });

  const columns: TableColumnsType<ContactView> = [
    {
      key: 'name',
      title: t('customers.contacts.name'),
      width: 150,
      render: (_: unknown, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {c.name}
          {c.isPrimary && (
            <Tooltip title={t('customers.contacts.isPrimary')}>
              <Tag color="gold" icon={<StarFilled />} style={{ marginInlineStart: 6 }}>
                {t('customers.contacts.primary')}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    { key: 'title', title: t('customers.contacts.title'), dataIndex: 'title', width: 100 },
    { key: 'mobile', title: t('customers.contacts.mobile'), dataIndex: 'mobile', width: 130 },
    {
      key: 'email',
      title: t('customers.contacts.email'),
      dataIndex: 'email',
      width: 190,
      render: (email: string | null) => <Clipped text={email} />,
    },
    {
      key: 'roles',
      title: t('customers.contacts.roles'),
      dataIndex: 'roles',
      width: 180,
      render: (roles: ContactRole[]) =>
        roles.map((r) => (
          <Tag key={r} bordered={false}>
            {t(`customers.contactRoles.${r}`)}
          </Tag>
        )),
    },
    {
      key: 'notes',
      title: t('customers.contacts.notes'),
      dataIndex: 'notes',
      render: (notes: string | null) => <Clipped text={notes} />,
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_: unknown, contact) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ contact })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" danger onClick={() => remove(contact)}>
            {t('customers.delete')}
          </Button>
        </Space>
      ),
    });
  }

  if (query.isError) return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  return (
    <>
      {canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ contact: null })}>
            {t('customers.contacts.create')}
          </Button>
        </Flex>
      )}
      <Table<ContactView>
        size="small"
        rowKey="id"
        pagination={false}
        loading={query.isPending}
        columns={columns}
        scroll={{ x: minTableWidth(columns, 100) }}
        dataSource={query.data ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.contacts.empty')} />
          ),
        }}
      />
      {editing && (
        <ContactFormModal
          customer={customer}
          contact={editing.contact}
          first={(query.data?.length ?? 0) === 0}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
