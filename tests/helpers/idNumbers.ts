import { idNumberCheckChar } from '../../src/shared/domain/idNumber';

/**
 * A valid 公民身份号码 for tests: area code, birth date (YYYY-MM-DD) and a 3-digit sequence whose
 * parity gives the sex (odd = male), closed with the ISO 7064 MOD 11-2 check character.
 */
export function validIdNumber(birthDate: string, gender: 'male' | 'female', serial = 1, area = '330702'): string {
  const sequence = serial * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${area}${birthDate.replace(/-/g, '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same number with its check character changed (a typo the check catches). */
export function withWrongCheckChar(idNumber: string): string {
  const wrong = idNumber[17] === '1' ? '2' : '1';
  return idNumber.slice(0, 17) + wrong;
}
