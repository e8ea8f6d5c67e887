import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, creditCodeProblem, withCheckCharacter } from "./credit-code.js";

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts published valid codes", () => {
    expect(creditCodeProblem("91350100M000100Y43")).toBeNull();
    expect(creditCodeProblem("91110000600037341L")).toBeNull();
  });

  it("names the expected check character when it is wrong", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("check character should be 3, not 4");
  });

  it("rejects wrong length and characters outside the alphabet", () => {
    expect(creditCodeProblem("9135010")).toMatch(/18 characters/);
    expect(creditCodeProblem("91350100M000100YI3")).toMatch(/without I, O, S, V, Z/);
  });

  it("completes a prefix into a valid code, and maps a remainder of 0 to check character 0", () => {
    const code = withCheckCharacter("91370285MA3001E12");
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckCharacter("0".repeat(17))).toBe("0");
    expect(() => withCheckCharacter("short")).toThrow();
  });
});
