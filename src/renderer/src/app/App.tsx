import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter } from 'react-router';
import { z } from 'zod';
import { LockGate } from '../features/privacy/LockGate';
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

// Party red for primary actions and navigation; fields keep a blue focus so a focused field is
// never mistaken for one with an error.
const FIELD_FOCUS = { activeBorderColor: '#3f6fb5', hoverBorderColor: '#6b8fc7', activeShadow: '0 0 0 2px rgba(63, 111, 181, 0.15)' };
const theme = {
  components: {
    Input: FIELD_FOCUS,
    InputNumber: FIELD_FOCUS,
    DatePicker: FIELD_FOCUS,
    Select: { activeBorderColor: '#3f6fb5', hoverBorderColor: '#6b8fc7', activeOutlineColor: 'rgba(63, 111, 181, 0.15)' },
  },
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
            <LockGate>
              <Root />
            </LockGate>
          </HashRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
