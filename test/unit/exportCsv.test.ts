import { describe, expect, it } from "vitest";
import { csvCell, csvRecords } from "../../server/export/csv";
import { parseCsv } from "./exportCsvReader";

describe("CSV cells", () => {
  it("quotes fields holding a comma, a quote or a line break, and doubles quotes", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\ronly")).toBe('"cr\ronly"');
    expect(csvCell("Risk 🚀")).toBe("Risk 🚀");
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers as numbers: a negative number is not a formula", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(0.026121478)).toBe("0.0261215");
    expect(csvCell(1e-7)).toBe("1e-7");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("ends every record with CRLF and reads back to the same values", () => {
    const hostile = [
      "<script>alert(1)</script>",
      "=cmd|' /C calc'!A0",
      `He said "no", then 'yes'`,
      "first line\nsecond, line\r\nthird",
      "Risk 🚀 ☢️ 👩🏽‍🔬",
      "[link](javascript:alert(1))",
    ];
    const text = csvRecords([["name", "value"], ...hostile.map((h, i) => [h, -i])]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe("name,value");
    const rows = parseCsv(text);
    expect(rows).toHaveLength(hostile.length + 1);
    rows.slice(1).forEach((row, i) => {
      const original = hostile[i]!;
      expect(row[0]).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
      expect(row[1]).toBe(String(-i));
    });
  });
});
