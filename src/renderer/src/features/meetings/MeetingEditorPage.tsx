import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Row,
  Select,
  Space,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { MeetingStart } from '../../../../shared/contract/meetingTemplates';
import { GUEST_KIND_LABELS, GUEST_KINDS, meetingFields, type GuestKind, type MeetingInput, type MeetingRecord } from '../../../../shared/contract/meetings';
import { daysBetween, todayIso } from '../../../../shared/domain/dates';
import { isBranchWide, MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '../../../../shared/domain/meetingTypes';
import { draftFromRecord, nextHeldOn, type MeetingDraft } from '../../../../shared/domain/meetingTemplates';
import { invoke, RpcError } from '../../api/client';
import { useCreateMeeting, useMeeting, useMeetingCheck, useUpdateMeeting } from '../../api/meetings';
import { useMeetingStart, useMeetingStartOptions } from '../../api/meetingTemplates';
import { DecisionFollowUp } from '../followUps/DecisionFollowUp';
import { useDebounced } from '../../lib/useDebounced';
import { AttachmentsCard } from './AttachmentsCard';
import { useDeleteMeetingWithUndo } from './useDeleteMeetingWithUndo';
import { prefillFromAddress } from './prefill';
import { useMembers } from '../../api/members';
import { useGroupList } from '../../api/organization';
import { formatDate } from '../../lib/format';
import { DATE_INPUT_FORMATS, isoDateItemProps, keepEnterInDateFields, zodRule } from '../../lib/forms';
import { MeetingDocumentsButton } from './MeetingDocumentsButton';
import { EditTrailLine } from '../editTrail/EditTrailLine';
import { AttendancePanel, type AttendanceEntry, type AttendanceMap } from './AttendancePanel';
import { SpecialFlowCards } from './SpecialFlowCards';

interface EditorValues {
  types: MeetingType[];
  partyGroupId?: number | null;
  heldOn: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  location?: string | null;
  topic: string;
  hostMemberId?: number | null;
  recorderMemberId?: number | null;
  /** A member's name (matched to the roster on save) or someone from outside the branch. */
  lecturer?: string | null;
  lectureTitle?: string | null;
  recordedOn: string | null;
  summary?: string | null;
  agenda: { title: string; speeches: { speaker?: string | null; summary: string }[] }[];
  /** id: the saved decision a row edits, so its follow-up state survives the edit. */
  decisions: { id?: number | null; text: string; agendaPosition?: number | null; ownerMemberId?: number | null; dueOn?: string | null }[];
  votes: { subject: string; agendaPosition?: number | null; yes?: number | null; no?: number | null; abstain?: number | null; writtenYes?: number | null; writtenNo?: number | null }[];
  guests: { kind: GuestKind; name: string; note?: string | null }[];
}

/** Where a service problem is shown when it belongs to a list rather than one field. */
type Section = 'attendance' | 'content' | 'decisions' | 'votes' | 'general';
const SECTION_OF: Record<string, Section> = {
  attendance: 'attendance',
  exclusions: 'attendance',
  guests: 'attendance',
  agenda: 'content',
  decisions: 'decisions',
  votes: 'votes',
};
const FIELD_OF: Record<string, string> = { lecturerMemberId: 'lecturer', lecturerName: 'lecturer' };
const FORM_FIELDS = new Set([
  'types',
  'partyGroupId',
  'heldOn',
  'startsAt',
  'endsAt',
  'location',
  'topic',
  'hostMemberId',
  'recorderMemberId',
  'lecturer',
  'lectureTitle',
  'recordedOn',
  'summary',
]);

/** Times live in the form as 'HH:MM'; TimePicker sees dayjs. Spread onto Form.Item. */
const timeItemProps = {
  getValueProps: (value: string | null | undefined) => ({
    value: value ? dayjs().hour(Number(value.slice(0, 2))).minute(Number(value.slice(3, 5))).second(0) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('HH:mm') : null),
};

/** A new record: written up today unless the secretary says otherwise. */
const blank = (): EditorValues => ({ types: [], heldOn: null, topic: '', recordedOn: todayIso(), agenda: [], decisions: [], votes: [], guests: [] });

/** What a template, a copied record or the previous record of a backlog puts in the form. */
function draftValues(draft: MeetingDraft): Partial<EditorValues> {
  return {
    types: draft.types,
    partyGroupId: draft.partyGroupId,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    location: draft.location,
    topic: draft.topic,
    hostMemberId: draft.hostMemberId,
    recorderMemberId: draft.recorderMemberId,
    lecturer: draft.lecturerName,
    lectureTitle: draft.lectureTitle,
    agenda: draft.agenda.map((item) => ({ title: item.title, speeches: [] })),
  };
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** 保存并新建下一条: the next record of a backlog starts as a copy of the one just saved, a cadence step later. */
interface CarryOver {
  draft: MeetingDraft;
  heldOn: string | null;
  previous: { id: number; heldOn: string; topic: string };
}
function toValues(record: MeetingRecord): EditorValues {
  return {
    types: record.types,
    partyGroupId: record.partyGroupId,
    heldOn: record.heldOn,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    location: record.location,
    topic: record.topic,
    hostMemberId: record.hostMemberId,
    recorderMemberId: record.recorderMemberId,
    lecturer: record.lecturerName,
    lectureTitle: record.lectureTitle,
    recordedOn: record.recordedOn,
    summary: record.summary,
    agenda: record.agenda.map((item) => ({ title: item.title, speeches: item.speeches.map((speech) => ({ speaker: speech.speakerName, summary: speech.summary })) })),
    decisions: record.decisions.map(({ id, text, agendaPosition, ownerMemberId, dueOn }) => ({ id, text, agendaPosition, ownerMemberId, dueOn })),
    votes: record.votes.map((vote) => ({ ...vote })),
    guests: record.guests.map((guest) => ({ ...guest })),
  };
}

/** 会议记录 (#/meetings/new, #/meetings/:id): one form for the whole record, 应到 proposed as of the date. */
export function MeetingEditorPage() {
  const params = useParams();
  const isNew = params.id === 'new' || params.id === undefined;
  const id = isNew ? null : Number(params.id);
  const validId = id === null || (Number.isInteger(id) && id > 0);
  const record = useMeeting(validId ? id : null);
  const location = useLocation();
  const carry = isNew ? ((location.state as { carry?: CarryOver } | null)?.carry ?? null) : null;

  if (!validId || record.isError) {
    return (
      <div>
        <Crumbs title="会议记录" />
        <Result
          status="warning"
          title="找不到这条会议记录"
          subTitle={record.error?.message ?? '地址有误。'}
          extra={
            <Link to="/meetings">
              <Button type="primary">返回组织生活</Button>
            </Link>
          }
        />
      </div>
    );
  }
  if (id !== null && !record.data) {
    return (
      <div>
        <Crumbs title="会议记录" />
        <Card loading />
      </div>
    );
  }
  // A fresh editor per record (and per 新建, even from a new record), so nothing typed carries over unasked.
  return <MeetingEditor key={id ?? `new-${location.key}`} record={record.data ?? null} carry={carry} />;
}

function Crumbs({ title, year }: { title: string; year?: string }) {
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[{ title: <Link to={year && year !== todayIso().slice(0, 4) ? `/meetings?year=${year}` : '/meetings'}>组织生活</Link> }, { title }]}
    />
  );
}

function MeetingEditor({ record, carry }: { record: MeetingRecord | null; carry: CarryOver | null }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  /** The list view this record was opened from (its year, filters or search), if any. */
  const listUrl = (useLocation().state as { listUrl?: string } | null)?.listUrl ?? null;
  const [form] = Form.useForm<EditorValues>();
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const { deleteMeeting } = useDeleteMeetingWithUndo();
  const members = useMembers({ scope: 'all' });
  const groups = useGroupList(true);
  const [attendance, setAttendance] = useState<AttendanceMap>(() =>
    Object.fromEntries((record?.attendance ?? []).map(({ name: _name, ...entry }) => [entry.memberId, entry as AttendanceEntry])),
  );
  const [exclusions, setExclusions] = useState(() => record?.exclusions ?? []);
  const [problems, setProblems] = useState<Partial<Record<Section, string[]>>>({});
  const [startNotice, setStartNotice] = useState<ReactNode>(() =>
    carry ? (
      <>
        上一条已保存：<Link to={`/meetings/${carry.previous.id}`}>{formatDate(carry.previous.heldOn)} {carry.previous.topic}</Link>
        。本条沿用它的类型、时间、地点、主持人、记录人和议题，
        {carry.heldOn ? `召开日期顺延为 ${formatDate(carry.heldOn)}，请核对。` : '请填写召开日期。'}
      </>
    ) : null,
  );
  const [searchParams] = useSearchParams();
  const startOptions = useMeetingStartOptions();
  const startAction = useMeetingStart();

  // The form is filled when the record is opened and after each save (a new version); a refresh after
  // closing a follow-up (same version) must not wipe what is being typed.
  const loadedVersion = record ? `${record.id}/${record.version}` : 'new';
  useEffect(() => {
    form.setFieldsValue(record ? toValues(record) : carry ? { ...blank(), ...draftValues(carry.draft), heldOn: carry.heldOn } : { ...blank(), ...prefillFromAddress(searchParams) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the loaded version on purpose (see above)
  }, [loadedVersion, form]);

  /** Fills what is still empty from a template or a copied record; the agenda only while it has no items. */
  const applyStart = (start: MeetingStart) => {
    const current = form.getFieldsValue(true) as EditorValues;
    const patch: Partial<EditorValues> = {};
    for (const [key, value] of Object.entries(draftValues(start.draft)) as [keyof EditorValues, unknown][]) {
      if (key === 'types') patch.types = MEETING_TYPES.filter((type) => (current.types ?? []).includes(type) || start.draft.types.includes(type));
      else if (isBlank(current[key]) && !isBlank(value)) (patch as Record<string, unknown>)[key] = value;
    }
    form.setFieldsValue(patch);
    const typeName = MEETING_TYPE_LABELS[start.type];
    const source = start.source ? `${formatDate(start.source.heldOn)}的${typeName}` : null;
    setStartNotice(
      start.from === 'template'
        ? `已按${typeName}模板填入 ${start.draft.agenda.length} 个议题${start.draft.hostMemberId !== null ? `，主持人为${start.type === 'groupMeeting' ? '党小组组长' : '书记'}` : ''}${source ? `；记录人、地点和时间沿用上次（${source}）` : ''}。请填写召开日期和主题。`
        : `已复制上次${typeName}（${formatDate(start.source!.heldOn)}：${start.source!.topic}）的类型、时间、地点、主持人、记录人和议题；召开日期、出席和会议内容请重新填写。`,
    );
  };
  const requestStart = (input: { type: MeetingType; from: 'template' | 'last' }) => {
    startAction.mutate({ ...input, partyGroupId: form.getFieldValue('partyGroupId') ?? null }, { onSuccess: applyStart, onError: (error) => message.error(error.message) });
  };
  // 新建 ▸ 按模板 / 复制上次 from the list arrives as ?start=template&type=committeeMeeting.
  const startRequested = useRef(false);
  useEffect(() => {
    const from = searchParams.get('start');
    const type = searchParams.get('type') as MeetingType | null;
    if (record || startRequested.current || (from !== 'template' && from !== 'last') || !type || !MEETING_TYPES.includes(type)) return;
    startRequested.current = true;
    requestStart({ type, from });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the address the page was opened with
  }, []);

  const types = (Form.useWatch('types', form) as MeetingType[] | undefined) ?? [];
  const heldOn = Form.useWatch('heldOn', form) as string | null | undefined;
  const partyGroupId = Form.useWatch('partyGroupId', form) as number | null | undefined;
  const recordedOn = Form.useWatch('recordedOn', form) as string | null | undefined;
  const agendaWatch = Form.useWatch('agenda', form) as EditorValues['agenda'] | undefined;
  const votesWatch = Form.useWatch('votes', form) as EditorValues['votes'] | undefined;
  const decisionsWatch = Form.useWatch('decisions', form) as EditorValues['decisions'] | undefined;
  const isLecture = types.includes('partyLecture');
  const isGroupMeeting = types.includes('groupMeeting');

  // 应到 needs the types and the date (and the 党小组 of a 党小组会 that is not also branch-wide).
  const branchWide = isBranchWide(types);
  const waitingFor =
    types.length === 0 ? '请先选择会议类型和召开日期，系统按当天的党员名册列出应到人员。' : !heldOn ? '请填写召开日期，系统按当天的党员名册列出应到人员。' : isGroupMeeting && !branchWide && !partyGroupId ? '请选择党小组，系统列出当天该党小组的党员。' : null;
  // The service judges the draft as saving would (counts, quorum, each vote); asked again shortly after each change.
  const currentCheckInput =
    waitingFor === null && heldOn
      ? {
          types: [...types].sort(),
          partyGroupId: isGroupMeeting ? (partyGroupId ?? null) : null,
          heldOn,
          exclusions,
          // Only what was marked; whoever was not switched to 请假 or 缺席 is present, as saving records them.
          attendance: Object.values(attendance).map((entry) => ({ memberId: entry.memberId, status: entry.status })),
          assumePresent: true,
          votes: (votesWatch ?? []).map((vote) => ({
            subject: vote?.subject ?? '',
            yes: vote?.yes ?? 0,
            no: vote?.no ?? 0,
            abstain: vote?.abstain ?? 0,
            writtenYes: vote?.writtenYes ?? 0,
            writtenNo: vote?.writtenNo ?? 0,
          })),
        }
      : null;
  const checkInput = useDebounced(currentCheckInput, 200);
  const check = useMeetingCheck(checkInput);
  const assessment = waitingFor === null ? check.data : undefined;
  const expected = useMemo(() => assessment?.expected ?? [], [assessment]);

  const memberOptions = useMemo(
    () => (members.data ?? []).map((member) => ({ value: member.id, label: member.status === 'active' ? member.name : `${member.name}（已离开）` })),
    [members.data],
  );
  const nameOptions = useMemo(() => (members.data ?? []).map((member) => ({ value: member.name })), [members.data]);
  /** A typed name that is exactly one member's name refers to that member. */
  const memberIdByName = (name: string | null | undefined): number | null => {
    const matches = (members.data ?? []).filter((member) => member.name === name?.trim());
    return matches.length === 1 ? matches[0].id : null;
  };
  const agendaOptions = (agendaWatch ?? []).map((item, index) => ({ value: index, label: `议题${index + 1}${item?.title ? `：${item.title}` : ''}` }));

  const saving = create.isPending || update.isPending;

  const toInput = (values: EditorValues, expected: readonly { memberId: number }[]): MeetingInput => {
    const lecturerId = isLecture ? memberIdByName(values.lecturer) : null;
    return {
      types: MEETING_TYPES.filter((type) => values.types.includes(type)),
      partyGroupId: values.types.includes('groupMeeting') ? (values.partyGroupId ?? null) : null,
      heldOn: values.heldOn ?? '',
      startsAt: values.startsAt ?? null,
      endsAt: values.endsAt ?? null,
      location: values.location ?? null,
      topic: values.topic ?? '',
      hostMemberId: values.hostMemberId ?? null,
      recorderMemberId: values.recorderMemberId ?? null,
      lecturerMemberId: lecturerId,
      lecturerName: isLecture && lecturerId === null ? (values.lecturer ?? null) : null,
      lectureTitle: isLecture ? (values.lectureTitle ?? null) : null,
      recordedOn: values.recordedOn ?? null,
      summary: values.summary ?? null,
      agenda: (values.agenda ?? []).map((item) => ({
        title: item.title ?? '',
        speeches: (item.speeches ?? []).map((speech) => {
          const speakerMemberId = memberIdByName(speech.speaker);
          return { speakerMemberId, speakerName: speakerMemberId === null ? (speech.speaker ?? null) : null, summary: speech.summary ?? '' };
        }),
      })),
      decisions: (values.decisions ?? []).map((decision) => ({
        id: decision.id ?? null,
        text: decision.text ?? '',
        agendaPosition: decision.agendaPosition ?? null,
        ownerMemberId: decision.ownerMemberId ?? null,
        dueOn: decision.dueOn ?? null,
      })),
      votes: (values.votes ?? []).map((vote) => ({
        subject: vote.subject ?? '',
        agendaPosition: vote.agendaPosition ?? null,
        yes: vote.yes ?? 0,
        no: vote.no ?? 0,
        abstain: vote.abstain ?? 0,
        writtenYes: vote.writtenYes ?? 0,
        writtenNo: vote.writtenNo ?? 0,
      })),
      // Everyone in 应到 is recorded; whoever was not switched to 请假 or 缺席 was present.
      attendance: expected
        .map((person): AttendanceEntry => attendance[person.memberId] ?? { memberId: person.memberId, status: 'present' })
        .map((entry) => ({
          memberId: entry.memberId,
          status: entry.status,
          leaveKind: entry.status === 'leave' ? (entry.leaveKind ?? null) : null,
          reason: entry.status === 'present' ? null : entry.reason?.trim() || null,
          makeupOn: entry.status === 'present' ? null : (entry.makeupOn ?? null),
          makeupBy: entry.status === 'present' ? null : (entry.makeupBy ?? null),
          makeupMethod: entry.status === 'present' ? null : (entry.makeupMethod ?? null),
        })),
      guests: (values.guests ?? []).map((guest) => ({ kind: guest.kind, name: guest.name ?? '', note: guest.note ?? null })),
      exclusions,
    };
  };

  /** Puts each service problem at its field, or above the section it belongs to. */
  const placeProblems = (error: unknown): void => {
    if (!(error instanceof RpcError) || error.details.length === 0) {
      message.error({ content: (error as Error).message, duration: 8 });
      return;
    }
    const bySection: Partial<Record<Section, string[]>> = {};
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const problem of error.details) {
      const path = problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      const head = String(path[0]);
      const field = FIELD_OF[head] ?? head;
      if (path.length === 1 && FORM_FIELDS.has(field)) {
        fields.push({ name: [field], errors: [problem.message] });
        continue;
      }
      const section = SECTION_OF[head] ?? 'general';
      const where = typeof path[1] === 'number' && head !== 'attendance' ? `第${path[1] + 1}项` : '';
      (bySection[section] ??= []).push(`${where}${problem.label}：${problem.message}`);
      // A list row's own field (votes.0.subject) is marked too, where the form has it.
      if (path.length === 3 && ['agenda', 'decisions', 'votes', 'guests'].includes(head)) fields.push({ name: path, errors: [problem.message] });
    }
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    setProblems(bySection);
    message.error({ content: '未保存，请按标出的问题修改。', duration: 6 });
    if (fields.length > 0) form.scrollToField(fields[0].name, { block: 'center' });
  };

  /** next: 保存并新建下一条 — a new record starts as a copy of this one, a cadence step later. */
  const save = async (then: 'stay' | 'next' = 'stay') => {
    let values: EditorValues;
    try {
      values = await form.validateFields();
    } catch (invalid) {
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    const leaveWithoutKind = expected.filter((person) => attendance[person.memberId]?.status === 'leave' && !attendance[person.memberId]?.leaveKind);
    if (leaveWithoutKind.length > 0) {
      setProblems({ attendance: [`请选择请假类别：${leaveWithoutKind.map((person) => person.name).join('、')}`] });
      message.error('请为请假的人员选择请假类别');
      return;
    }
    setProblems({});
    try {
      // 应到 as of this moment: a save right after a change (Ctrl+Enter while typing) must not take the
      // list of a check that has not answered yet, or the record would be saved with nobody in it.
      const expectedNow = currentCheckInput ? (await invoke('meetings:check', currentCheckInput)).expected : expected;
      const input = toInput(values, expectedNow);
      if (record) {
        await update.mutateAsync({ ...input, id: record.id, version: record.version });
        message.success('已保存会议记录');
        window.scrollTo({ top: 0 });
      } else {
        const saved = await create.mutateAsync(input);
        message.success('已保存会议记录');
        if (then === 'next') {
          const next: CarryOver = { draft: draftFromRecord(saved), heldOn: nextHeldOn(saved.types, saved.heldOn, todayIso()), previous: { id: saved.id, heldOn: saved.heldOn, topic: saved.topic } };
          navigate('/meetings/new', { state: { carry: next } });
          window.scrollTo({ top: 0 });
        } else {
          navigate(`/meetings/${saved.id}`, { replace: true });
        }
      }
    } catch (error) {
      placeProblems(error);
    }
  };

  const deleteRecord = () => (record ? deleteMeeting(record) : undefined);

  /** The meeting as entered so far, for a 签到表 printed before it is held. */
  const signInPlan = () => {
    if (waitingFor !== null || !heldOn) return waitingFor ?? '请填写召开日期';
    const values = form.getFieldsValue();
    return {
      types: MEETING_TYPES.filter((type) => types.includes(type)),
      partyGroupId: isGroupMeeting ? (partyGroupId ?? null) : null,
      heldOn,
      startsAt: values.startsAt ?? null,
      endsAt: values.endsAt ?? null,
      location: values.location ?? null,
      topic: values.topic ?? null,
      exclusions,
    };
  };

  // A blank new record with a type chosen and no agenda yet is offered that type's template or last record.
  const offerType = !record && (agendaWatch ?? []).length === 0 ? types.find((type) => startOptions.data?.some((option) => option.type === type && (option.template || option.last))) : undefined;
  const offer = offerType ? startOptions.data?.find((option) => option.type === offerType) : undefined;

  const lag = heldOn && recordedOn && recordedOn > heldOn ? daysBetween(heldOn, recordedOn) : 0;
  const title = record ? record.topic : '新建会议记录';

  return (
    <div>
      <Crumbs title={record ? formatDate(record.heldOn) : '新建记录'} year={record?.heldOn.slice(0, 4)} />
      <div className="page-title">
        <Typography.Title level={4} ellipsis style={{ maxWidth: '60%' }}>
          {title}
        </Typography.Title>
        <Space>
          {record && (
            <Popconfirm
              title="删除这条会议记录？"
              description="删除后可以撤销；软件重新启动后删除才成为最终结果（附件一并删除）。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={deleteRecord}
            >
              <Button danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          )}
          <MeetingDocumentsButton recordId={record?.id ?? null} plan={signInPlan} />
          <Button onClick={() => navigate(listUrl ?? (record ? `/meetings?year=${record.heldOn.slice(0, 4)}` : '/meetings'))}>返回列表</Button>
          {!record && (
            <Button loading={saving} onClick={() => void save('next')} title="Ctrl+Shift+Enter">
              保存并新建下一条
            </Button>
          )}
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} title="Ctrl+Enter">
            保存
          </Button>
        </Space>
      </div>

      {record && <EditTrailLine entityType="meeting" entityId={record.id} />}
      {startNotice && <Alert type="info" showIcon closable style={{ marginBottom: 16 }} title={startNotice} onClose={() => setStartNotice(null)} data-testid="start-notice" />}
      {record && <SavedVerdicts record={record} />}
      <SectionProblems messages={problems.general} />

      <Form<EditorValues>
        form={form}
        layout="vertical"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save(event.shiftKey && !record ? 'next' : 'stay');
            return;
          }
          keepEnterInDateFields(event);
        }}
      >
        <Card title="基本情况" style={{ marginBottom: 16 }}>
          <Form.Item
            label="会议类型"
            name="types"
            required
            rules={[zodRule(meetingFields.types)]}
            extra={
              <>
                一次活动可同时计入多项，如主题党日中召开支部党员大会并上党课。
                {offer && (
                  <div className="start-offer" data-testid="start-offer">
                    {offer.template && (
                      <Button type="link" size="small" loading={startAction.isPending} onClick={() => requestStart({ type: offer.type, from: 'template' })}>
                        按{offer.template.name}模板填写议题
                      </Button>
                    )}
                    {offer.last && (
                      <Button type="link" size="small" loading={startAction.isPending} onClick={() => requestStart({ type: offer.type, from: 'last' })}>
                        复制上次{offer.template?.name ?? MEETING_TYPE_LABELS[offer.type]}（{formatDate(offer.last.heldOn)}）
                      </Button>
                    )}
                  </div>
                )}
              </>
            }
          >
            <Checkbox.Group options={MEETING_TYPES.map((value) => ({ value, label: MEETING_TYPE_LABELS[value] }))} />
          </Form.Item>
          <Row gutter={16}>
            {isGroupMeeting && (
              <Col xs={24} md={8}>
                <Form.Item label="党小组" name="partyGroupId" rules={[{ required: true, message: '党小组会请选择党小组' }]}>
                  <Select
                    placeholder="请选择"
                    options={(groups.data ?? []).map((group) => ({ value: group.id, label: group.dissolvedOn ? `${group.name}（已撤销）` : group.name }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={8}>
              <Form.Item label="召开日期" name="heldOn" rules={[{ required: true, message: '请填写召开日期' }]} {...isoDateItemProps}>
                <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="开始时间" name="startsAt" {...timeItemProps}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} placeholder="如 14:30" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="结束时间" name="endsAt" {...timeItemProps}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} placeholder="如 16:30" />
              </Form.Item>
            </Col>
            <Col xs={24} md={isGroupMeeting ? 24 : 8}>
              <Form.Item label="地点" name="location" rules={[zodRule(meetingFields.location)]}>
                <Input maxLength={60} placeholder="如：三楼党员活动室" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="主题" name="topic" required rules={[zodRule(meetingFields.topic)]}>
                <Input maxLength={200} placeholder="如：学习贯彻党的二十届四中全会精神" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="主持人" name="hostMemberId">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="输入姓名查找" options={memberOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="记录人" name="recorderMemberId">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="输入姓名查找" options={memberOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="记录日期"
                name="recordedOn"
                extra={lag > 0 ? `会后 ${lag} 天补记` : '会议当天记录的，与召开日期相同'}
                {...isoDateItemProps}
              >
                <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} placeholder="默认今天" />
              </Form.Item>
            </Col>
            {isLecture && (
              <>
                <Col xs={24} md={8}>
                  <Form.Item label="授课人" name="lecturer" rules={[{ required: true, whitespace: true, message: '党课请填写授课人' }]} extra="本支部党员从列表中选，上级领导、专家直接填写姓名">
                    <AutoComplete options={nameOptions} maxLength={30} placeholder="输入姓名" filterOption={(input, option) => (option?.value ?? '').includes(input.trim())} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item label="课题" name="lectureTitle" rules={[{ required: true, whitespace: true, message: '党课请填写课题' }, zodRule(meetingFields.lectureTitle)]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>

        <Card title="出席情况" style={{ marginBottom: 16 }} data-testid="attendance-card">
          <SectionProblems messages={problems.attendance} />
          <AttendancePanel
            assessment={assessment}
            waitingFor={waitingFor}
            loading={check.isPending && checkInput !== null}
            attendance={attendance}
            onChange={setAttendance}
            heldOn={heldOn ?? null}
            exclusions={exclusions}
            onExclusionsChange={setExclusions}
          />
          {check.isError && <Typography.Text type="danger">{check.error.message}</Typography.Text>}
          <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
            列席人员
          </Typography.Text>
          <Form.List name="guests">
            {(rows, { add, remove: removeRow }) => (
              <>
                {rows.map((row) => (
                  <div key={row.key} className="meeting-list-row">
                    <Form.Item name={[row.name, 'kind']} noStyle>
                      <Select aria-label="列席人员类别" style={{ width: 140 }} options={GUEST_KINDS.map((value) => ({ value, label: GUEST_KIND_LABELS[value] }))} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} style={{ marginBottom: 0 }}>
                      <Input aria-label="列席人员姓名" placeholder="姓名" maxLength={30} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'note']} style={{ marginBottom: 0, flex: 1 }}>
                      <Input aria-label="列席人员备注" placeholder="单位、职务等（可不填）" maxLength={100} />
                    </Form.Item>
                    <RemoveButton label="删除该列席人员" onClick={() => removeRow(row.name)} />
                  </div>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'activist', name: '' })}>
                  添加列席人员
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title="会议内容" style={{ marginBottom: 16 }}>
          <SectionProblems messages={problems.content} />
          <Form.Item label="主要内容" name="summary" rules={[zodRule(meetingFields.summary)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder="会议议程、学习内容等" />
          </Form.Item>
          <Form.List name="agenda">
            {(items, { add, remove: removeItem }) => (
              <>
                {items.map((item, index) => (
                  <Card
                    key={item.key}
                    type="inner"
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={`议题${index + 1}`}
                    extra={
                      <Button type="link" size="small" danger onClick={() => removeItem(item.name)}>
                        删除议题
                      </Button>
                    }
                  >
                    <Form.Item name={[item.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写议题' }]} style={{ marginBottom: 8 }}>
                      <Input aria-label={`议题${index + 1}`} placeholder="议题" maxLength={200} />
                    </Form.Item>
                    <Form.List name={[item.name, 'speeches']}>
                      {(speeches, { add: addSpeech, remove: removeSpeech }) => (
                        <>
                          {speeches.map((speech) => (
                            <div key={speech.key} className="meeting-list-row">
                              <Form.Item name={[speech.name, 'speaker']} rules={[{ required: true, whitespace: true, message: '请填写发言人' }]} style={{ marginBottom: 0 }}>
                                <AutoComplete
                                  aria-label="发言人"
                                  placeholder="发言人"
                                  options={nameOptions}
                                  filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
                                  style={{ width: 140 }}
                                />
                              </Form.Item>
                              <Form.Item name={[speech.name, 'summary']} rules={[{ required: true, whitespace: true, message: '请填写发言要点' }]} style={{ marginBottom: 0, flex: 1 }}>
                                <Input.TextArea aria-label="发言要点" placeholder="发言要点" autoSize={{ minRows: 1, maxRows: 6 }} />
                              </Form.Item>
                              <RemoveButton label="删除该发言" onClick={() => removeSpeech(speech.name)} />
                            </div>
                          ))}
                          <Button size="small" icon={<PlusOutlined />} onClick={() => addSpeech({ speaker: '', summary: '' })}>
                            添加发言
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', speeches: [] })}>
                  添加议题
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title="表决情况" style={{ marginBottom: 16 }}>
          <SectionProblems messages={problems.votes} />
          <Form.List name="votes">
            {(rows, { add, remove: removeRow }) => (
              <>
                {rows.map((row, index) => {
                  const vote = votesWatch?.[index];
                  // The service's verdicts for the draft, by position (党员大会 only for the verdict).
                  const warnings = expected.length > 0 ? (assessment?.voteProblems[index] ?? []) : [];
                  const verdict = types.includes('memberAssembly') && vote?.subject ? (assessment?.votes[index] ?? null) : null;
                  return (
                    <Card
                      key={row.key}
                      type="inner"
                      size="small"
                      style={{ marginBottom: 12 }}
                      title={`表决事项${index + 1}`}
                      extra={
                        <Button type="link" size="small" danger onClick={() => removeRow(row.name)}>
                          删除
                        </Button>
                      }
                    >
                      <Row gutter={12}>
                        <Col xs={24} md={14}>
                          <Form.Item label="表决事项" name={[row.name, 'subject']} rules={[{ required: true, whitespace: true, message: '请填写表决事项' }]}>
                            <Input maxLength={200} placeholder="如：接收张三为中共预备党员" />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={10}>
                          <Form.Item label="所属议题" name={[row.name, 'agendaPosition']}>
                            <Select allowClear placeholder={agendaOptions.length ? '可不选' : '未添加议题'} options={agendaOptions} />
                          </Form.Item>
                        </Col>
                        {(
                          [
                            ['yes', '赞成'],
                            ['no', '反对'],
                            ['abstain', '弃权'],
                            ['writtenYes', '书面同意'],
                            ['writtenNo', '书面反对'],
                          ] as const
                        ).map(([key, label]) => (
                          <Col key={key} xs={8} md={4}>
                            <Form.Item label={label} name={[row.name, key]}>
                              <InputNumber min={0} max={9999} precision={0} suffix={key.startsWith('written') ? '份' : '票'} style={{ width: '100%' }} />
                            </Form.Item>
                          </Col>
                        ))}
                      </Row>
                      {warnings.map((warning) => (
                        <Typography.Text key={warning} type="warning" style={{ display: 'block' }}>
                          {warning}
                        </Typography.Text>
                      ))}
                      {verdict && (
                        <Typography.Text type={verdict.valid ? 'success' : 'danger'} style={{ display: 'block' }}>
                          按当前出勤：{verdict.explanation}
                        </Typography.Text>
                      )}
                    </Card>
                  );
                })}
                <Space orientation="vertical" size={4}>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ subject: '', yes: 0, no: 0, abstain: 0, writtenYes: 0, writtenNo: 0 })}>
                    添加表决事项
                  </Button>
                  <Typography.Text type="secondary">书面同意、书面反对：未到会的有表决权党员会前提交的书面意见，计入表决结果。</Typography.Text>
                </Space>
              </>
            )}
          </Form.List>
        </Card>

        <Card title="决议事项" style={{ marginBottom: 16 }}>
          <SectionProblems messages={problems.decisions} />
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            填写了负责人或完成期限的决议事项列入首页“待办事项”，办结时登记办结日期、情况和汇报的会议。
          </Typography.Paragraph>
          <Form.List name="decisions">
            {(rows, { add, remove: removeRow }) => (
              <>
                {rows.map((row, index) => {
                  const decisionId = decisionsWatch?.[index]?.id;
                  const saved = decisionId ? record?.decisions.find((decision) => decision.id === decisionId) : undefined;
                  const removeButton = saved?.closedOn ? (
                    <Popconfirm title="删除这项已办结的决议？" description="办结情况将一并删除（保存后生效）。" okText="删除" cancelText="取消" onConfirm={() => removeRow(row.name)}>
                      <Button type="text" aria-label="删除该决议" title="删除该决议" icon={<MinusCircleOutlined />} />
                    </Popconfirm>
                  ) : (
                    <RemoveButton label="删除该决议" onClick={() => removeRow(row.name)} />
                  );
                  return (
                    <div key={row.key} className="decision-row" data-testid="decision-row">
                      <div className="meeting-list-row">
                        <Form.Item name={[row.name, 'id']} hidden>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[row.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写决议内容' }]} style={{ marginBottom: 0, flex: 1 }}>
                          <Input.TextArea aria-label="决议内容" placeholder="决议或议定事项" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                        </Form.Item>
                        <Form.Item name={[row.name, 'ownerMemberId']} style={{ marginBottom: 0 }}>
                          <Select aria-label="负责人" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="负责人" options={memberOptions} style={{ width: 130 }} />
                        </Form.Item>
                        <Form.Item name={[row.name, 'dueOn']} style={{ marginBottom: 0 }} {...isoDateItemProps}>
                          <DatePicker aria-label="完成期限" format={DATE_INPUT_FORMATS} placeholder="完成期限" style={{ width: 140 }} />
                        </Form.Item>
                        {removeButton}
                      </div>
                      {saved && <DecisionFollowUp decision={saved} />}
                    </div>
                  );
                })}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                  添加决议事项
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <AttachmentsCard meetingId={record?.id ?? null} />
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            {record ? 'Ctrl+Enter 保存' : 'Ctrl+Enter 保存，Ctrl+Shift+Enter 保存并新建下一条'}
          </Typography.Text>
          {!record && (
            <Button loading={saving} onClick={() => void save('next')}>
              保存并新建下一条
            </Button>
          )}
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </div>
      </Form>
      <SpecialFlowCards record={record} types={types} />
    </div>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return <Button type="text" aria-label={label} title={label} icon={<MinusCircleOutlined />} onClick={onClick} />;
}

function SectionProblems({ messages }: { messages?: string[] }): ReactNode {
  if (!messages || messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={messages.length === 1 ? messages[0] : '请修改以下问题'}
      description={messages.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{messages.map((text) => <li key={text}>{text}</li>)}</ul> : undefined}
    />
  );
}

/** The saved record's verdicts: a meeting that missed its quorum is kept, and marked here. */
function SavedVerdicts({ record }: { record: MeetingRecord }) {
  const { quorum, votes } = record.assessment;
  if (!quorum && votes.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} size={8} data-testid="saved-verdicts">
      {quorum && (
        <Alert
          type={quorum.valid ? 'success' : 'error'}
          showIcon
          title={quorum.valid ? '会议有效' : quorum.rule === 'assembly' ? '未达法定人数：会议不能作出决议' : '未达法定人数'}
          description={quorum.explanation}
        />
      )}
      {votes.map((vote) => (
        <Alert
          key={vote.subject}
          type={vote.valid ? 'success' : 'error'}
          showIcon
          title={`表决“${vote.subject}”：${vote.valid ? '决议通过' : '决议未通过'}`}
          description={vote.explanation}
        />
      ))}
    </Space>
  );
}
