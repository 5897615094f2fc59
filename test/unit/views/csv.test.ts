import { describe, expect, it } from 'vitest';
import { csvBytes, csvField, csvRecord } from '../../../src/views/csv';
import { csvFileName } from '../../../src/views/csv-export';
import { csvFieldsOf } from '../../../src/views/inventory-columns';

describe('CSV for Excel', () => {
  it('quotes as RFC 4180 asks: quotes doubled, commas and line breaks inside quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('CN=svc,OU=Service Accounts')).toBe('"CN=svc,OU=Service Accounts"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
    expect(csvRecord(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('keeps a value that starts like a formula as text, with a leading apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${start}1+2`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    // Only at the start: an equals sign inside a DN is harmless.
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes UTF-8 with a byte-order mark, a header and CRLF after every record', () => {
    const bytes = csvBytes(
      ['Name', 'Owner'],
      [
        ['Zoë', 'Jürgen'],
        ['svc-x', ''],
      ],
    );
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe('Name,Owner\r\nZoë,Jürgen\r\nsvc-x,\r\n');
  });

  it('always puts the account name first, and the risk as tier and score', () => {
    expect(csvFieldsOf(['risk', 'samAccountName']).map((field) => field.header)).toEqual([
      'sAMAccountName',
      'Risk',
      'Score',
    ]);
  });

  it('names the file after the view and the snapshot day, safely', () => {
    expect(csvFileName('2026-03-31T10:00:00.000Z')).toBe('warden-accounts-2026-03-31.csv');
    expect(csvFileName('2026-03-31T10:00:00.000Z', 'Dormant NHIs: Q1/2026 ✓')).toBe(
      'warden-dormant-nhis-q1-2026-2026-03-31.csv',
    );
    expect(csvFileName('2026-03-31T10:00:00.000Z', 'Überprüfung')).toBe('warden-uberprufung-2026-03-31.csv');
  });
});
