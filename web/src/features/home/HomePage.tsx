import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatToday } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { useUser } from '../../app/session.tsx';

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
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }} items={items} />
    </Card>
  );
}
