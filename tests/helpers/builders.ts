import type { BranchCreateInput } from '../../src/shared/contract/branch';
import type { MemberInput } from '../../src/shared/contract/members';

export function aBranch(overrides: Partial<BranchCreateInput> = {}): BranchCreateInput {
  return {
    name: '中共金华市示例局机关第一支部委员会',
    kind: 'organ',
    parentOrg: '中共金华市示例局机关委员会',
    foundedOn: '2010-07-01',
    termStartsOn: '2024-03-15',
    termEndsOn: '2027-03-15',
    ...overrides,
  };
}

/** A valid 正式党员 with a valid ID number (born 1990-03-07, male). */
export function aMember(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    name: '张建国',
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1990-03-07',
    idNumber: '110101199003074477',
    education: '大学本科',
    admittedOn: '2015-06-30',
    confirmedOn: '2016-06-30',
    category: 'full',
    partyGroupId: null,
    phone: '13800000000',
    note: null,
    ...overrides,
  };
}
