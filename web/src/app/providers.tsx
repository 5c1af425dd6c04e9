import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (401, 403, 404, validation) will not change by asking again.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

function LocaleBridge({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const english = i18n.language === 'en';
  const firstRender = useRef(true);
  // Set during render, not in an effect, so date pickers below already format in the new language.
  dayjs.locale(english ? 'en' : 'zh-cn');

  useEffect(() => {
    document.documentElement.lang = english ? 'en' : 'zh-CN';
    document.title = t('app.name');
    // Server-provided texts (error messages, job descriptions) come in the language of the request.
    if (!firstRender.current) void queryClient.invalidateQueries();
    firstRender.current = false;
  }, [english, t, queryClient]);

  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { borderRadius: 4 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <LocaleBridge>{children}</LocaleBridge>
    </QueryClientProvider>
  );
}
