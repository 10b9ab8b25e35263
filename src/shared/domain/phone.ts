// Phone numbers are personal data: lists and exports show only enough to tell two numbers apart.

/**
 * 138****5678 — a mobile (11 digits) keeps its first 3 and last 4 digits; a number of 11 digits or
 * more (area code + number, extension) keeps the same; a shorter one keeps only the last 4. Spaces,
 * dashes and 转 stay where they were typed, so 0579-82231688 reads 057*-****1688.
 */
export function maskPhone(raw: string): string {
  const value = raw.trim();
  const digits = value.replace(/\D/g, '').length;
  const keepHead = digits >= 11 ? 3 : 0;
  const keepTail = Math.min(4, Math.max(0, digits - 3));
  let seen = 0;
  let out = '';
  for (const char of value) {
    if (!/\d/.test(char)) {
      out += char;
      continue;
    }
    seen += 1;
    out += seen <= keepHead || seen > digits - keepTail ? char : '*';
  }
  return out;
}

/** A value as lists show it (with *), which must never be saved back as if it were the real one. */
export function looksMasked(value: string): boolean {
  return value.includes('*');
}
