import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../src/shared/domain/idNumber';
import { looksMasked, maskPhone } from '../../src/shared/domain/phone';

describe('phone mask', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
  });

  it('keeps the separators of a landline with area code and hides its middle digits', () => {
    expect(maskPhone('0579-82231688')).toBe('057*-****1688');
    expect(maskPhone('0579 8223 1688')).toBe('057* **** 1688');
  });

  it('shows only the last 4 digits of a short local number', () => {
    expect(maskPhone('82231688')).toBe('****1688');
    expect(maskPhone('8223168')).toBe('***3168');
  });

  it('hides an extension behind the number too, except its last digits', () => {
    expect(maskPhone('0579-82231688转123')).toBe('057*-*******8转123');
  });

  it('never returns more than 7 digits of a number', () => {
    for (const phone of ['13812345678', '0579-82231688', '+86 138 1234 5678', '010-12345678-9999']) {
      expect(maskPhone(phone).replace(/\D/g, '').length).toBeLessThanOrEqual(7);
      expect(looksMasked(maskPhone(phone))).toBe(true);
    }
  });
});

describe('ID number mask', () => {
  it('keeps the area code and the last 4 characters', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(looksMasked(maskIdNumber('110101199003074477'))).toBe(true);
  });

  it('tells a masked value from a real one', () => {
    expect(looksMasked('110101199003074477')).toBe(false);
    expect(looksMasked('13812345678')).toBe(false);
  });
});
