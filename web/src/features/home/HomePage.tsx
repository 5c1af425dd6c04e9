import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../../../../common/roles.ts';
import { formatToday } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ContractsOverviewCard } from '../contracts/ContractsOverviewCard.tsx';
import { UnreadNotificationsCard } from '../notifications/UnreadNotificationsCard.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();

  const items = [
    { key: 'username', label: t('home.username'), children: user.username },
    {
      key: 'roles',
      label: t('home.roles'),
      children: (
        <Space size={[0, 4]} wrap>
          {user.roles.map((role) => (
            <Tag key={role} color="blue">
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'org', label: t('home.organization'), children: user.org.name },
    {
      key: 'today',
      label: t('home.today'),
      children: (
        <>
          {formatToday(user.org.timeZone, currentLocale())}
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            ({user.org.timeZone})
          </Typography.Text>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.displayName })} />
      <Row gutter={[16, 16]}>
        {hasAnyRole(user, STAFF_ROLES) && (
          <Col span={24}>
            <ContractsOverviewCard />
          </Col>
        )}
        <Col xs={24} xl={12}>
          <Card title={t('home.account')} size="small">
            <Descriptions column={1} size="small" bordered styles={{ label: { width: 140 } }} items={items} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <UnreadNotificationsCard />
        </Col>
      </Row>
    </>
  );
}
