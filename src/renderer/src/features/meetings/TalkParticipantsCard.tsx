import { MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Radio, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { TALK_FORM_LABELS, TALK_FORMS, type TalkDetail, type TalkForm } from '../../../../shared/contract/talks';
import { RpcError } from '../../api/client';
import { useMembers } from '../../api/members';
import { useSaveTalk, useTalk } from '../../api/talks';
import './specialFlows.css';

/** 谈心谈话: who took part (members, or a name for someone from outside) and how. */
export function TalkParticipantsCard({ meetingId, hostName }: { meetingId: number; hostName: string | null }) {
  const talk = useTalk(meetingId);
  return (
    <Card
      title="谈心谈话人员"
      style={{ marginBottom: 16 }}
      loading={talk.isPending}
      data-testid="talk-card"
      extra={talk.data && <Link to={`/meetings/talks?year=${talk.data.heldOn.slice(0, 4)}`}>{talk.data.heldOn.slice(0, 4)}年谈心谈话覆盖情况</Link>}
    >
      {talk.isError && <Alert type="error" showIcon title={talk.error.message} />}
      {talk.data && <ParticipantsForm key={talk.data.version} talk={talk.data} hostName={hostName} />}
    </Card>
  );
}

function ParticipantsForm({ talk, hostName }: { talk: TalkDetail; hostName: string | null }) {
  const { message } = App.useApp();
  const save = useSaveTalk();
  const members = useMembers({ scope: 'all' });
  // A talk not entered yet starts with its 主持人 (usually the one who held the talk) and one blank.
  const [names, setNames] = useState<string[]>(() => (talk.participants.length > 0 ? talk.participants.map((participant) => participant.name) : [hostName ?? '', '']));
  const [form, setForm] = useState<TalkForm | null>(talk.form ?? 'inPerson');
  const [error, setError] = useState<string | null>(null);
  const nameOptions = useMemo(() => (members.data ?? []).map((member) => ({ value: member.name })), [members.data]);
  const memberIdByName = (name: string): number | null => {
    const matches = (members.data ?? []).filter((member) => member.name === name.trim());
    return matches.length === 1 ? matches[0].id : null;
  };

  const submit = async () => {
    try {
      await save.mutateAsync({
        meetingId: talk.meetingId,
        version: talk.version,
        form,
        participants: names
          .filter((name) => name.trim())
          .map((name) => {
            const memberId = memberIdByName(name);
            return memberId === null ? { memberId: null, name: name.trim() } : { memberId };
          }),
      });
      setError(null);
      message.success('已保存谈话人员');
    } catch (caught) {
      setError(caught instanceof RpcError ? caught.message : (caught as Error).message);
      message.error('谈话人员未保存，请按提示修改');
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} />}
      <Space wrap>
        <Typography.Text>谈话方式</Typography.Text>
        <Radio.Group aria-label="谈话方式" optionType="button" value={form} onChange={(event) => setForm(event.target.value as TalkForm)} options={TALK_FORMS.map((value) => ({ value, label: TALK_FORM_LABELS[value] }))} />
      </Space>
      <Typography.Text type="secondary">本支部党员从列表中选；支部以外的人员直接填写姓名（不计入覆盖情况）。</Typography.Text>
      {names.map((name, index) => {
        const outsider = name.trim() !== '' && members.data !== undefined && memberIdByName(name) === null;
        return (
          <Space key={index} wrap>
            <Typography.Text style={{ display: 'inline-block', width: 64 }}>谈话人{index + 1}</Typography.Text>
            <AutoComplete
              aria-label={`谈话人${index + 1}`}
              style={{ width: 180 }}
              options={nameOptions}
              value={name}
              maxLength={30}
              placeholder="输入姓名"
              filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
              onChange={(value: string) => setNames((previous) => previous.map((entry, at) => (at === index ? value : entry)))}
            />
            {outsider && <Typography.Text type="secondary">支部以外人员</Typography.Text>}
            {names.length > 2 && (
              <Button type="text" aria-label="删除该谈话人" title="删除该谈话人" icon={<MinusCircleOutlined />} onClick={() => setNames((previous) => previous.filter((_entry, at) => at !== index))} />
            )}
          </Space>
        );
      })}
      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => setNames((previous) => [...previous, ''])}>
          添加谈话人
        </Button>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
          保存谈话人员
        </Button>
      </div>
    </Space>
  );
}
