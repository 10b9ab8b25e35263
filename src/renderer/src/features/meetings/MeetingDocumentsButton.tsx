import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Dropdown } from 'antd';
import type { InputOf } from '../../../../shared/contract';
import { DOCUMENT_PRESET_LABELS, type DocumentPreset } from '../../../../shared/domain/documentPresets';
import { useExportMinutes, useSignInSheet } from '../../api/meetings';
import { useSaveGenerated, type GeneratedFile } from '../../lib/useSaveGenerated';

type SignInPlan = Omit<InputOf<'meetings:signInSheet'>, 'preset'>;

interface Props {
  /** The saved record, whose 会议记录 can be exported; null while a new record is being entered. */
  recordId: number | null;
  /** The meeting as entered so far, for its 签到表; a Chinese reason when types or date are missing. */
  plan: () => SignInPlan | string;
}

/**
 * Word files of one meeting: the 会议记录 once saved (GB/T 9704 by default), and a 签到表 to print
 * before the meeting, from the 应到 list as of its date — available before the record is saved.
 */
export function MeetingDocumentsButton({ recordId, plan }: Props) {
  const { message } = App.useApp();
  const exportMinutes = useExportMinutes();
  const signInSheet = useSignInSheet();

  const saveFile = useSaveGenerated();
  const save = (make: () => Promise<GeneratedFile>) => saveFile(make, (file) => `已生成：${file.fileName}`);
  const minutes = (preset: DocumentPreset) => recordId !== null && save(() => exportMinutes.mutateAsync({ id: recordId, preset }));
  const sheet = (preset: DocumentPreset) => {
    const planned = plan();
    if (typeof planned === 'string') return message.warning(planned);
    return save(() => signInSheet.mutateAsync({ ...planned, preset }));
  };

  const presets = Object.keys(DOCUMENT_PRESET_LABELS) as DocumentPreset[];
  const items = [
    ...(recordId !== null ? presets.map((preset) => ({ key: `minutes:${preset}`, label: `会议记录（${DOCUMENT_PRESET_LABELS[preset]}）` })) : []),
    ...presets.map((preset) => ({ key: `sheet:${preset}`, label: `签到表（${DOCUMENT_PRESET_LABELS[preset]}）` })),
  ];
  const onMenu = ({ key }: { key: string }) => {
    const [kind, preset] = key.split(':') as ['minutes' | 'sheet', DocumentPreset];
    void (kind === 'minutes' ? minutes(preset) : sheet(preset));
  };

  return (
    <Dropdown.Button
      icon={<DownOutlined />}
      loading={exportMinutes.isPending || signInSheet.isPending}
      onClick={() => void (recordId !== null ? minutes('gbt9704') : sheet('gbt9704'))}
      menu={{ items, onClick: onMenu }}
    >
      <FileWordOutlined /> {recordId !== null ? '导出会议记录' : '打印签到表'}
    </Dropdown.Button>
  );
}
