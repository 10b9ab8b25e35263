import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, List, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import { Link } from 'react-router';
import type { AssessmentIndicatorView } from '../../../../shared/contract/assessments';
import { formatFileSize, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB } from '../../../../shared/domain/attachments';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { SCORING_TYPE_LABELS } from '../../../../shared/domain/rubricTemplate';
import { openAssessmentAttachment, useAddAssessmentAttachment, useRemoveAssessmentAttachment } from '../../api/assessments';
import { fileToBase64 } from '../../lib/download';
import { describeAnswer } from './AnswerInput';

interface EvidenceDrawerProps {
  assessmentId: number;
  indicator: AssessmentIndicatorView | null;
  editable: boolean;
  onClose: () => void;
}

/**
 * 佐证 of one indicator: what the records say, the exact records behind the proposal (each opens),
 * and files for evidence that lives outside the app (a draft can add and remove them).
 */
export function EvidenceDrawer({ assessmentId, indicator, editable, onClose }: EvidenceDrawerProps) {
  const { message } = App.useApp();
  const add = useAddAssessmentAttachment();
  const remove = useRemoveAssessmentAttachment();

  const upload = async (file: File) => {
    if (!indicator) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      message.error(`“${file.name}”有 ${formatFileSize(file.size)}，超过了单个文件 ${MAX_ATTACHMENT_MB} MB 的上限，未添加`);
      return;
    }
    try {
      await add.mutateAsync({ id: assessmentId, indicatorId: indicator.id, fileName: file.name, contentBase64: await fileToBase64(file) });
      message.success(`已添加佐证材料：${file.name}`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <Drawer open={indicator !== null} onClose={onClose} width={620} title={indicator ? `佐证材料：${indicator.text}` : ''} destroyOnHidden>
      {indicator && (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="evidence-drawer">
          <Descriptions size="small" column={1} bordered>
            {indicator.criteria && <Descriptions.Item label="评分标准">{indicator.criteria}</Descriptions.Item>}
            <Descriptions.Item label="所需佐证">{indicator.evidenceNeeded}</Descriptions.Item>
            <Descriptions.Item label="评分方式">
              {SCORING_TYPE_LABELS[indicator.scoringType]}，分值 {indicator.maxPoints}
            </Descriptions.Item>
            <Descriptions.Item label="系统建议">
              {indicator.proposal.manual ? <Tag>需手工评分</Tag> : `${describeAnswer(indicator.proposal.answer, indicator.scoring)}，${indicator.proposal.points} 分`}
              <div>{indicator.proposal.text}</div>
            </Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>依据的会议记录（{indicator.proposal.records.length} 条）</Typography.Title>
            {indicator.proposal.records.length === 0 ? (
              <Typography.Text type="secondary">{indicator.proposal.manual ? '此项由支部手工评分，可在下方上传佐证材料。' : '没有对应的会议记录。'}</Typography.Text>
            ) : (
              <List
                size="small"
                bordered
                dataSource={indicator.proposal.records}
                renderItem={(record) => (
                  <List.Item>
                    <Link to={`/meetings/${record.id}`}>
                      {formatChineseDate(record.date)} {record.typeLabel}
                    </Link>
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 300 }}>
                      {record.topic}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </div>

          <div>
            <Typography.Title level={5}>其他佐证材料（{indicator.attachments.length} 个）</Typography.Title>
            {indicator.attachments.length === 0 && !editable && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有上传文件" />}
            {indicator.attachments.length > 0 && (
              <List
                size="small"
                bordered
                dataSource={indicator.attachments}
                renderItem={(file) => (
                  <List.Item
                    actions={[
                      <Button key="open" size="small" type="link" onClick={() => void openAssessmentAttachment(file.id).catch((error: Error) => message.error(error.message))}>
                        打开
                      </Button>,
                      editable && (
                        <Popconfirm key="remove" title={`删除“${file.fileName}”？`} okText="删除" cancelText="取消" onConfirm={() => remove.mutateAsync({ attachmentId: file.id }).catch((error: Error) => message.error(error.message))}>
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      ),
                    ]}
                  >
                    <PaperClipOutlined /> {file.fileName} <Typography.Text type="secondary">{formatFileSize(file.size)}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
            {editable && (
              <Upload.Dragger
                multiple
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
                style={{ marginTop: 8 }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>点击或拖入文件，上传台账外的佐证材料（扫描件、照片等，单个不超过 {MAX_ATTACHMENT_MB} MB）</p>
              </Upload.Dragger>
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}
