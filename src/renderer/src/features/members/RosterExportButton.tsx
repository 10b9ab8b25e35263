import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Dropdown } from 'antd';
import { useExportRoster } from '../../api/members';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/** 党员花名册.xlsx: ID numbers masked unless the secretary explicitly asks for them in full. */
export function RosterExportButton() {
  const { modal } = App.useApp();
  const exportRoster = useExportRoster();

  const saveGenerated = useSaveGenerated();
  const run = (includeFullIdNumbers: boolean) =>
    saveGenerated(() => exportRoster.mutateAsync({ includeFullIdNumbers }), (file) => `已导出 ${file.rowCount} 名党员：${file.fileName}`);

  const askFull = () =>
    modal.confirm({
      title: '导出完整的公民身份号码？',
      content: '完整的身份号码属于个人敏感信息。请只在上级要求时导出，并妥善保管文件，用后及时删除。',
      okText: '仍然导出',
      cancelText: '取消',
      onOk: () => run(true),
    });

  return (
    <Dropdown.Button
      icon={<DownOutlined />}
      loading={exportRoster.isPending}
      onClick={() => run(false)}
      menu={{ items: [{ key: 'full', label: '导出（含完整身份号码）…' }], onClick: askFull }}
    >
      <FileExcelOutlined /> 导出花名册
    </Dropdown.Button>
  );
}
