import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter } from 'react-router';
import { z } from 'zod';
import { Root } from './Root';
import './styles.css';

dayjs.locale('zh-cn');
z.config(z.locales.zhCN());

const queryClient = new QueryClient({
  defaultOptions: {
    // Local data: no polling, no refetch on focus; a failed read is shown, not retried silently.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});

const theme = {
  token: {
    colorPrimary: '#c7000b',
    borderRadius: 4,
    fontFamily:
      "-apple-system, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
};

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <Root />
          </HashRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
