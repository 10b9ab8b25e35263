import { DEMOCRATIC_REVIEW_FIELD_LABELS } from './democraticReview';
import { ORG_LIFE_FIELD_LABELS } from './orgLife';
import { RULE_PACKS_FIELD_LABELS } from './rulePacks';
import { PLANS_FIELD_LABELS } from './plans';
import { DOCUMENT_PRESETS_FIELD_LABELS } from './documentPresets';
import { REPORTS_FIELD_LABELS } from './reports';
import { PRIVACY_FIELD_LABELS } from './privacy';
import { TALKS_FIELD_LABELS } from './talks';
import { ASSESSMENTS_FIELD_LABELS } from './assessments';
import { RUBRIC_TEMPLATES_FIELD_LABELS } from './rubricTemplates';
import { EDIT_TRAIL_FIELD_LABELS } from './editTrail';
import { DATA_SAFETY_FIELD_LABELS } from './dataSafety';
import { REPORTS_EXCEL_FIELD_LABELS } from './reportsExcel';
import { PACKAGE_FIELD_LABELS } from './package';

// Chinese names of input fields, so validation messages can say which field to fix.
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  kind: '支部类型',
  parentOrg: '上级党组织',
  foundedOn: '成立日期',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  termSeq: '本届届次',
  termStartsOn: '本届支委会任期开始日期',
  termEndsOn: '本届支委会任期结束日期',
  query: '搜索内容',
  includeLeft: '显示已离开人员',
  includeFullNumbers: '包含完整身份证号和手机号',
  field: '要显示的项目',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '公民身份号码',
  education: '学历',
  admittedOn: '入党时间',
  confirmedOn: '转正时间',
  category: '党员类别',
  partyGroupId: '所在党小组',
  phone: '联系电话',
  note: '备注',
  nativePlace: '籍贯',
  degree: '学位',
  workStartedOn: '参加工作时间',
  workplace: '工作单位及职务',
  personCategory: '人员类别',
  version: '版本号',
  groupChangedOn: '党小组调整日期',
  scope: '范围',
  flowing: '流动党员',
  lostContact: '失联党员',
  memberId: '党员',
  occurredOn: '发生日期',
  detail: '说明',
  untilOn: '截止日期',
  recordedBy: '登记人',
  termId: '届次',
  role: '职务',
  startsOn: '任职日期',
  endsOn: '离任日期',
  leaderId: '组长',
  dissolvedOn: '撤销日期',
  fileName: '文件名',
  contentBase64: '文件内容',
  rows: '导入的行',
  rowNumber: '行号',
};

/** Member forms say 姓名 where branch forms say 名称. */
export const MEMBER_FIELD_LABELS: Record<string, string> = { ...FIELD_LABELS, name: '姓名' };

/** Labels for each feature's fields, chosen by the method's feature prefix. */
const FEATURE_FIELD_LABELS: Record<string, Record<string, string>> = {
  members: MEMBER_FIELD_LABELS,
  memberEvents: { ...FIELD_LABELS, kind: '变动类型' },
  groups: { ...FIELD_LABELS, name: '党小组名称', foundedOn: '成立日期' },
  committee: { ...FIELD_LABELS, seq: '届次', startsOn: '任期开始日期', endsOn: '任期结束日期' },
  committeeSeats: FIELD_LABELS,
  meetings: {
    ...FIELD_LABELS,
    types: '会议类型',
    heldOn: '召开日期',
    startsAt: '开始时间',
    endsAt: '结束时间',
    location: '地点',
    topic: '主题',
    hostMemberId: '主持人',
    recorderMemberId: '记录人',
    lecturerMemberId: '授课人',
    lecturerName: '授课人',
    lectureTitle: '课题',
    recordedOn: '记录日期',
    summary: '主要内容',
    agenda: '议题',
    decisions: '决议事项',
    votes: '表决情况',
    attendance: '出勤情况',
    guests: '列席人员',
    exclusions: '经批准不计入应到的党员',
    title: '议题',
    speeches: '发言',
    speakerName: '发言人',
    text: '决议内容',
    ownerMemberId: '负责人',
    dueOn: '完成期限',
    subject: '表决事项',
    yes: '赞成票',
    no: '反对票',
    abstain: '弃权票',
    writtenYes: '书面同意',
    writtenNo: '书面反对',
    status: '出勤情况',
    leaveKind: '请假类别',
    reason: '原因',
    makeupOn: '补学日期',
    makeupBy: '传达人',
    makeupMethod: '补学方式',
    year: '年度',
    type: '会议类型',
    preset: '版式',
    query: '搜索内容',
    memberId: '人员',
  },
  attachments: { ...FIELD_LABELS, meetingId: '会议记录', kind: '附件类别', fileName: '文件名', contentBase64: '文件内容' },
  followUps: { ...FIELD_LABELS, status: '办结状态', closedOn: '办结日期', note: '办结情况', closedMeetingId: '汇报会议' },
  meetingTemplates: { ...FIELD_LABELS, type: '会议类型', from: '新建方式', partyGroupId: '党小组' },
  orgLife: ORG_LIFE_FIELD_LABELS,
  democraticReview: DEMOCRATIC_REVIEW_FIELD_LABELS,
  talks: TALKS_FIELD_LABELS,
  assessments: ASSESSMENTS_FIELD_LABELS,
  participation: { ...FIELD_LABELS, year: '年度' },
  rulePacks: RULE_PACKS_FIELD_LABELS,
  plans: PLANS_FIELD_LABELS,
  rubricTemplates: RUBRIC_TEMPLATES_FIELD_LABELS,
  editTrail: EDIT_TRAIL_FIELD_LABELS,
  dataSafety: { ...FIELD_LABELS, ...DATA_SAFETY_FIELD_LABELS },
  privacy: PRIVACY_FIELD_LABELS,
  documentPresets: DOCUMENT_PRESETS_FIELD_LABELS,
  reports: { ...FIELD_LABELS, ...REPORTS_EXCEL_FIELD_LABELS, ...REPORTS_FIELD_LABELS },
  package: { ...FIELD_LABELS, ...PACKAGE_FIELD_LABELS },
};

export function fieldLabelsFor(method: string): Record<string, string> {
  return FEATURE_FIELD_LABELS[method.split(':')[0]] ?? FIELD_LABELS;
}
