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
};

/** Member forms say 姓名 where branch forms say 名称. */
export const MEMBER_FIELD_LABELS: Record<string, string> = { ...FIELD_LABELS, name: '姓名' };
