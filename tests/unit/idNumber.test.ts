import { describe, expect, it } from 'vitest';
import { findIdNumberProblem, idNumberCheckChar, idNumberFacts, maskIdNumber, normalizeIdNumber } from '../../src/shared/domain/idNumber';

describe('公民身份号码 check (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts published sample numbers, including an X check character', () => {
    expect(findIdNumberProblem('11010519491231002X')).toBeNull();
    expect(findIdNumberProblem('110101199003074477')).toBeNull();
  });

  it('computes the check character from the first 17 digits', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('11010119900307447')).toBe('7');
  });

  it('rejects a single mistyped digit through the check character', () => {
    expect(findIdNumberProblem('110101199003074478')).toBe('checkDigit');
    expect(findIdNumberProblem('110101199003074377')).toBe('checkDigit');
  });

  it('rejects wrong length and letters other than a final X', () => {
    expect(findIdNumberProblem('11010119900307447')).toBe('format');
    expect(findIdNumberProblem('1101011990030744771')).toBe('format');
    expect(findIdNumberProblem('1101011990030744A7')).toBe('format');
    expect(findIdNumberProblem('')).toBe('format');
  });

  it('rejects an impossible birth date even when the check character fits', () => {
    const first17 = '11010119900230123';
    expect(findIdNumberProblem(first17 + idNumberCheckChar(first17))).toBe('birthDate');
  });

  it('normalises a lower-case x and stray spaces', () => {
    expect(normalizeIdNumber(' 110105 19491231002x ')).toBe('11010519491231002X');
    expect(findIdNumberProblem('11010519491231002x')).toBeNull();
  });

  it('reads birth date and sex (odd 17th digit = male)', () => {
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(idNumberFacts('110101199003074477')).toEqual({ birthDate: '1990-03-07', gender: 'male' });
    expect(idNumberFacts('110101199003074478')).toBeNull();
  });

  it('masks all but the area code and the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
