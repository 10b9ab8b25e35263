import { completedYears } from './dates';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/**
 * The member's own personal fields (the national 党员信息 collection set), as stored, imported and
 * exported. Dated facts (入党, 转正, 党小组) are kept elsewhere and added by each use.
 */
export interface MemberProfile {
  name: string;
  gender: Gender;
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string | null;
  nativePlace: string | null;
  education: string | null;
  degree: string | null;
  workStartedOn: string | null;
  /** 工作单位及职务 */
  workplace: string | null;
  /** 人员类别 */
  personCategory: string | null;
  phone: string | null;
  note: string | null;
}

/** 党员类别: 正式党员 / 预备党员. */
export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = { full: '正式党员', probationary: '预备党员' };

/** 学历 choices in the order of the national 党员信息 form; free text is still accepted. */
export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中等专科', '高中', '初中', '小学及以下'] as const;

/** 人员类别 as branches usually record it (national 党员信息 categories, simplified). */
export const PERSON_CATEGORIES = ['企业管理人员', '专业技术人员', '工人', '机关工作人员', '事业单位人员', '农牧渔民', '学生', '离退休人员', '其他'] as const;

export const COMMON_ETHNICITIES = ['汉族', '回族', '畲族', '满族', '壮族', '土家族', '苗族', '蒙古族', '藏族', '维吾尔族'] as const;

/**
 * 党龄 counts from 转正时间 (DOMAIN §5); a 预备党员 has none yet. Returns null when it cannot be known.
 */
export function partyStandingYears(confirmedOn: string | null, today: string): number | null {
  if (!confirmedOn || confirmedOn > today) return null;
  return completedYears(confirmedOn, today);
}

export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate || birthDate > today) return null;
  return completedYears(birthDate, today);
}

/** 正式 once 转正时间 has passed; 预备 otherwise (the stored category must agree, see members service). */
export function categoryImpliedByDates(confirmedOn: string | null, today: string): MemberCategory | null {
  if (confirmedOn && confirmedOn <= today) return 'full';
  return null;
}
