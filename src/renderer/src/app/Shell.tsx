import { Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSystemInfo } from '../api/branch';
import { hostMode } from '../api/client';
import { ROUTES } from './routes';

const { Sider, Header, Content } = Layout;

export function Shell({ branchName }: { branchName: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const info = useSystemInfo();
  const menu = ROUTES.filter((route) => !route.hidden);
  // A hidden page (/members/import, /members/12) highlights the menu entry it belongs to.
  const selected = menu.find((route) => route.path !== '/' && location.pathname.startsWith(route.path))?.path ?? '/';

  return (
    <Layout className="shell">
      <Sider width={200} theme="light" className="shell-sider">
        <div className="brand">
          <div className="brand-mark">党</div>
          <div className="brand-name">支部台账</div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={menu.map((route) => ({ key: route.path, icon: route.icon, label: route.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header className="shell-header">
          <Typography.Text strong className="shell-branch" ellipsis>
            {branchName}
          </Typography.Text>
          {hostMode() === 'browser' && (
            <Tooltip title={info.data ? `数据文件夹：${info.data.dataDir}` : undefined}>
              <Tag color="blue">浏览器模式</Tag>
            </Tooltip>
          )}
        </Header>
        <Content className="shell-content">
          <Routes>
            {ROUTES.map((route) => (
              <Route key={route.path} path={route.path} element={route.element} />
            ))}
          </Routes>
        </Content>
      </Layout>
    </Layout>
  );
}
