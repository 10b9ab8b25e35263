import {
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FileZipOutlined,
  InboxOutlined,
  PaperClipOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Image, Popconfirm, Select, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AttachmentItem } from '../../../../shared/contract/attachments';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  defaultAttachmentKind,
  extensionOf,
  formatFileSize,
  isImageMime,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_MB,
  type AttachmentKind,
} from '../../../../shared/domain/attachments';
import { attachmentBlob, openAttachment, useAddAttachment, useAttachments, useDeleteAttachment } from '../../api/attachments';
import { fileToBase64 } from '../../lib/download';

const KIND_COLORS: Record<AttachmentKind, string> = { signInSheet: 'blue', notice: 'cyan', slides: 'purple', photo: 'green', other: 'default' };
const TILE = 112;

/** 附件 of a saved record: pick or drop files, see thumbnails and icons, open, delete. All optional. */
export function AttachmentsCard({ meetingId }: { meetingId: number | null }) {
  return (
    <Card title="附件" extra={meetingId !== null && <AttachmentTotal meetingId={meetingId} />} style={{ marginBottom: 16 }} data-testid="attachments-card">
      {meetingId === null ? (
        <Typography.Text type="secondary">保存记录后可添加附件（签到表扫描件、会议通知、讲稿/课件、照片等，均为选填）。</Typography.Text>
      ) : (
        <Attachments meetingId={meetingId} />
      )}
    </Card>
  );
}

function AttachmentTotal({ meetingId }: { meetingId: number }) {
  const count = useAttachments(meetingId).data?.length ?? 0;
  return <Typography.Text type="secondary">{count === 0 ? '无附件（选填）' : `共 ${count} 个`}</Typography.Text>;
}

function Attachments({ meetingId }: { meetingId: number }) {
  const { message } = App.useApp();
  const list = useAttachments(meetingId);
  const add = useAddAttachment();
  const [kind, setKind] = useState<AttachmentKind | 'auto'>('auto');
  const [busy, setBusy] = useState(0);
  // Files are sent one after another: several large ones at once would only compete.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const upload = (file: File) => {
    if (file.size === 0) {
      message.error(`“${file.name}”是空文件（0 字节），未添加。请检查该文件后重新选择。`);
      return;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      message.error({ content: `“${file.name}”有 ${formatFileSize(file.size)}，超过了单个附件 ${MAX_ATTACHMENT_MB} MB 的上限，未添加。请压缩或拆分后再添加。`, duration: 8 });
      return;
    }
    setBusy((count) => count + 1);
    queue.current = queue.current.then(async () => {
      try {
        const contentBase64 = await fileToBase64(file);
        const added = await add.mutateAsync({ meetingId, kind: kind === 'auto' ? defaultAttachmentKind(file.name, file.type) : kind, fileName: file.name, contentBase64 });
        message.success(`已添加附件：${added.fileName}`);
      } catch (error) {
        message.error({ content: (error as Error).message, duration: 8 });
      } finally {
        setBusy((count) => count - 1);
      }
    });
  };

  const items = list.data ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <span>添加为</span>
        <Select<AttachmentKind | 'auto'>
          aria-label="附件类别"
          value={kind}
          onChange={setKind}
          style={{ width: 220 }}
          options={[{ value: 'auto', label: '自动判断（图片为照片）' }, ...ATTACHMENT_KINDS.map((value) => ({ value, label: ATTACHMENT_KIND_LABELS[value] }))]}
        />
      </Space>
      <Upload.Dragger
        multiple
        showUploadList={false}
        disabled={busy > 0}
        beforeUpload={(file) => {
          upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy > 0 ? `正在添加 ${busy} 个文件…` : '点击选择文件，或把文件拖到这里'}</p>
        <p className="ant-upload-hint">签到表扫描件、会议通知、讲稿/课件、照片等，可一次选多个；单个文件不超过 {MAX_ATTACHMENT_MB} MB。</p>
      </Upload.Dragger>
      {list.isError && <Typography.Text type="danger">{list.error.message}</Typography.Text>}
      {items.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }} data-testid="attachment-list">
          {items.map((item) => (
            <AttachmentTile key={item.id} item={item} />
          ))}
        </div>
      )}
    </Space>
  );
}

function AttachmentTile({ item }: { item: AttachmentItem }) {
  const { message } = App.useApp();
  const remove = useDeleteAttachment();
  const [opening, setOpening] = useState(false);

  const open = async () => {
    setOpening(true);
    try {
      await openAttachment(item.id);
    } catch (error) {
      message.error({ content: (error as Error).message, duration: 10 });
    } finally {
      setOpening(false);
    }
  };
  const removeIt = async () => {
    try {
      await remove.mutateAsync({ id: item.id });
      message.success(`已删除附件：${item.fileName}`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <div
      data-testid="attachment"
      style={{ width: TILE + 40, border: '1px solid #f0f0f0', borderRadius: 8, padding: 8, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4 }}
    >
      <div style={{ width: TILE, height: TILE, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa', borderRadius: 4, overflow: 'hidden' }}>
        {isImageMime(item.mime) ? <Thumbnail item={item} /> : <FileIcon item={item} onOpen={() => void open()} />}
      </div>
      <Tooltip title={item.fileName}>
        <Typography.Text ellipsis style={{ width: TILE + 20, textAlign: 'center' }}>
          {item.fileName}
        </Typography.Text>
      </Tooltip>
      <Space size={4}>
        <Tag color={KIND_COLORS[item.kind]} style={{ marginInlineEnd: 0 }}>
          {ATTACHMENT_KIND_LABELS[item.kind]}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatFileSize(item.size)}
        </Typography.Text>
      </Space>
      <Space size={0}>
        <Button type="link" size="small" loading={opening} onClick={() => void open()} aria-label={`打开 ${item.fileName}`}>
          打开
        </Button>
        <Popconfirm
          title={`删除附件“${item.fileName}”？`}
          description="删除后不能恢复（原文件仍在您的电脑上）。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={removeIt}
        >
          <Button type="link" size="small" danger aria-label={`删除 ${item.fileName}`}>
            删除
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}

/** A picture's own content, shrunk; click to see it large (antd preview). */
function Thumbnail({ item }: { item: AttachmentItem }) {
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    let created: string | null = null;
    attachmentBlob(item.id).then(
      ({ blob }) => {
        if (!alive) return;
        created = URL.createObjectURL(blob);
        setUrl(created);
      },
      (error: Error) => alive && setProblem(error.message),
    );
    return () => {
      alive = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [item.id]);
  if (problem) {
    return (
      <Tooltip title={problem}>
        <Typography.Text type="danger" style={{ fontSize: 12, padding: 4, textAlign: 'center' }}>
          无法显示：文件已损坏或缺失
        </Typography.Text>
      </Tooltip>
    );
  }
  if (!url) return <FileImageOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />;
  return <Image src={url} alt={item.fileName} width={TILE} height={TILE} style={{ objectFit: 'cover' }} preview={{ mask: '查看大图' }} />;
}

function iconFor(item: AttachmentItem): { icon: ReactNode; color: string } {
  const extension = extensionOf(item.fileName);
  if (item.mime === 'application/pdf') return { icon: <FilePdfOutlined />, color: '#d4380d' };
  if (['doc', 'docx', 'wps'].includes(extension)) return { icon: <FileWordOutlined />, color: '#1d39c4' };
  if (['xls', 'xlsx', 'et', 'csv'].includes(extension)) return { icon: <FileExcelOutlined />, color: '#389e0d' };
  if (['ppt', 'pptx', 'dps'].includes(extension)) return { icon: <FilePptOutlined />, color: '#d46b08' };
  if (['zip', 'rar', '7z'].includes(extension)) return { icon: <FileZipOutlined />, color: '#595959' };
  if (item.mime.startsWith('image/')) return { icon: <FileImageOutlined />, color: '#08979c' };
  if (item.mime === 'text/plain') return { icon: <FileTextOutlined />, color: '#595959' };
  return { icon: <FileOutlined />, color: '#8c8c8c' };
}

function FileIcon({ item, onOpen }: { item: AttachmentItem; onOpen: () => void }) {
  const { icon, color } = iconFor(item);
  return (
    <button
      type="button"
      onClick={onOpen}
      title={`打开 ${item.fileName}`}
      style={{ all: 'unset', cursor: 'pointer', display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4, color }}
    >
      <span style={{ fontSize: 48 }}>{icon}</span>
      <span style={{ fontSize: 12, color: '#8c8c8c' }}>{extensionOf(item.fileName).toUpperCase() || '文件'}</span>
    </button>
  );
}

/** The paperclip and count shown beside a record in the list. */
export function AttachmentCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Tooltip title={`${count} 个附件`}>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }} aria-label={`${count} 个附件`}>
        <PaperClipOutlined /> {count}
      </Typography.Text>
    </Tooltip>
  );
}
