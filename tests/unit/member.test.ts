import { describe, expect, it } from 'vitest';
import { defaultTermEnd, defaultTermYears } from '../../src/shared/domain/branch';
import { ageOn, categoryImpliedByDates, partyStandingYears } from '../../src/shared/domain/member';

describe('derived member facts', () => {
  it('counts 党龄 from 转正时间, none for a 预备党员', () => {
    expect(partyStandingYears('1997-06-28', '2026-11-22')).toBe(29);
    expect(partyStandingYears('1997-06-28', '1997-06-27')).toBeNull();
    expect(partyStandingYears(null, '2026-11-22')).toBeNull();
  });

  it('computes age on a given day', () => {
    expect(ageOn('1990-03-07', '2026-03-06')).toBe(35);
    expect(ageOn(null, '2026-03-06')).toBeNull();
  });

  it('implies 正式 once 转正时间 has passed', () => {
    expect(categoryImpliedByDates('2025-12-19', '2026-01-01')).toBe('full');
    expect(categoryImpliedByDates('2026-12-19', '2026-01-01')).toBeNull();
    expect(categoryImpliedByDates(null, '2026-01-01')).toBeNull();
  });
});

describe('支委会 term length', () => {
  it('is 3 years, 5 for village and community branches', () => {
    expect(defaultTermYears('organ')).toBe(3);
    expect(defaultTermYears('twoNew')).toBe(3);
    expect(defaultTermYears('villageCommunity')).toBe(5);
    expect(defaultTermEnd('villageCommunity', '2024-03-15')).toBe('2029-03-14');
    expect(defaultTermEnd('school', '2024-03-15')).toBe('2027-03-14');
    expect(defaultTermEnd('organ', '2024-03-01')).toBe('2027-02-28');
  });
});
