import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Dropdown } from 'antd';
import { useExportRoster } from '../../api/members';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/** 党员花名册.xlsx: ID and phone numbers masked unless the secretary explicitly asks for them in full. */
export function RosterExportButton() {
  const { modal } = App.useApp();
  const exportRoster = useExportRoster();

  const saveGenerated = useSaveGenerated();
  const run = (includeFullNumbers: boolean) =>
    saveGenerated(() => exportRoster.mutateAsync({ includeFullNumbers }), (file) => `已导出 ${file.rowCount} 名党员：${file.fileName}`);

  const askFull = () =>
    modal.confirm({
      title: '导出完整的身份证号和手机号？',
      content:
        '默认导出的花名册中，公民身份号码和联系电话只显示部分数字。完整号码属于个人敏感信息，泄露后可能被冒用：' +
        '请只在上级明确要求时导出，文件不要通过微信群、公共邮箱转发，用后及时删除。',
      okText: '包含完整号码导出',
      cancelText: '取消',
      onOk: () => run(true),
    });

  return (
    <Dropdown.Button
      icon={<DownOutlined />}
      loading={exportRoster.isPending}
      onClick={() => run(false)}
      menu={{ items: [{ key: 'full', label: '包含完整身份证号和手机号…' }], onClick: askFull }}
    >
      <FileExcelOutlined /> 导出花名册
    </Dropdown.Button>
  );
}
