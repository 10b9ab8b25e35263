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
  includeFullIdNumbers: '包含完整公民身份号码',
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
};

export function fieldLabelsFor(method: string): Record<string, string> {
  return FEATURE_FIELD_LABELS[method.split(':')[0]] ?? FIELD_LABELS;
}
