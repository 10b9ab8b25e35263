import { Result, Spin } from 'antd';
import { useBranch } from '../api/branch';
import { DamagedDataScreen } from '../features/settings/DamagedDataScreen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { Shell } from './Shell';

/** First run (no branch yet) shows the wizard; afterwards the app shell. */
export function Root() {
  const branch = useBranch();
  if (branch.isPending) {
    return (
      <div className="center-screen">
        <Spin size="large" tip="正在打开数据…">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  // The database failed its check at start: offer a restore instead of failing (设置 ▸ 数据安全).
  if (branch.isError && branch.error.code === 'STORE_CORRUPT') return <DamagedDataScreen />;
  if (branch.isError) {
    return (
      <div className="center-screen">
        <Result status="error" title="无法打开支部台账的数据" subTitle={branch.error.message} />
      </div>
    );
  }
  return branch.data ? <Shell branchName={branch.data.branch.name} /> : <SetupWizard />;
}
