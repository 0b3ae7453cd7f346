/**
 * 사업자등록번호 (business registration number): 10 digits, the last a checksum.
 * Weights 1,3,7,1,3,7,1,3,5; the 9th digit × 5 contributes its tens digit too.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** Strips hyphens, spaces and dots; returns the digits (may be invalid). */
export function normalizeBrn(input: string): string {
  return input.replace(/[\s\-.]/g, '');
}

export function brnCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * WEIGHTS[i];
  sum += Math.floor((Number(first9[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBrn(input: string): boolean {
  const d = normalizeBrn(input);
  if (!/^\d{10}$/.test(d)) return false;
  return brnCheckDigit(d.slice(0, 9)) === Number(d[9]);
}

/** 1234567890 → 123-45-67890 */
export function formatBrn(brn: string): string {
  const d = normalizeBrn(brn);
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : brn;
}

/** Completes 9 digits with their check digit (used by generators and tests). */
export function withCheckDigit(first9: string): string {
  return first9 + String(brnCheckDigit(first9));
}

/** 법인등록번호 (corporate registration number): 13 digits, checksum weights 1,2 alternating. */
export function isValidCrn(input: string): boolean {
  const d = input.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (i % 2 === 0 ? 1 : 2);
  return (10 - (sum % 10)) % 10 === Number(d[12]);
}
