/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters from the 31-character alphabet below (no I, O, S, V, Z):
 * registration authority (1), organization type (1), administrative division (6),
 * organization code (9) and a check character computed from the first 17.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Why a credit code is invalid, or null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `must have 18 characters, has ${code.length}`;
  if (!SHAPE.test(code)) {
    return "must be 2 characters, a 6-digit division code and 10 characters from 0-9 and A-Y without I, O, S, V, Z";
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return expected === code[17] ? null : `check character should be ${expected}, not ${code[17]}`;
}

/** Completes 17 characters into a valid code (used to build sample data). */
export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === null) throw new Error(`not a credit code prefix: ${first17}`);
  return first17 + check;
}
