import { describe, expect, it } from 'vitest';
import { branchCreateInput } from '../../src/shared/contract/branch';
import { phone, optionalText, text } from '../../src/shared/contract/common';
import { memberCreateInput } from '../../src/shared/contract/members';

const minimalMember = { name: '张三', gender: 'male', category: 'full' };

describe('input schemas', () => {
  it('trims text and refuses blank required text', () => {
    expect(text().parse('  张三 ')).toBe('张三');
    expect(text().safeParse('   ').success).toBe(false);
    expect(text(5).safeParse('一二三四五六').success).toBe(false);
  });

  it('stores blank optional text as null', () => {
    expect(optionalText().parse('  ')).toBeNull();
    expect(optionalText().parse(undefined)).toBeNull();
  });

  it('accepts mobile and landline numbers, refuses words', () => {
    expect(phone.parse('13800000000')).toBe('13800000000');
    expect(phone.parse('0579-82345678')).toBe('0579-82345678');
    expect(phone.parse('')).toBeNull();
    expect(phone.safeParse('请联系办公室').success).toBe(false);
    expect(phone.safeParse('123').success).toBe(false);
  });

  it('normalises an ID number and rejects a wrong check digit with a Chinese message', () => {
    expect(memberCreateInput.parse({ ...minimalMember, idNumber: '11010519491231002x' }).idNumber).toBe('11010519491231002X');
    const result = memberCreateInput.safeParse({ ...minimalMember, idNumber: '110101199003074478' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['idNumber']);
    expect(result.error?.issues[0].message).toContain('校验位');
  });

  it('refuses fields the contract does not know', () => {
    const result = memberCreateInput.safeParse({ ...minimalMember, isAdmin: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].code).toBe('unrecognized_keys');
  });

  it('refuses impossible dates', () => {
    expect(memberCreateInput.safeParse({ ...minimalMember, admittedOn: '2025-02-30' }).success).toBe(false);
  });

  it('requires a committee term that ends after it starts', () => {
    const base = { name: '中共某某支部委员会', kind: 'organ', termStartsOn: '2024-03-15' };
    expect(branchCreateInput.safeParse({ ...base, termEndsOn: '2027-03-15' }).success).toBe(true);
    const backwards = branchCreateInput.safeParse({ ...base, termEndsOn: '2024-03-01' });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0].path).toEqual(['termEndsOn']);
    expect(branchCreateInput.parse({ ...base, termEndsOn: '2027-03-15' }).termSeq).toBe(1);
  });
});
