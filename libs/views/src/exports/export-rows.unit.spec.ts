import { exportRows } from './export-rows';

describe('export rows', () => {
  const rows = [
    { day: '2026-11-23', terminal: 't-1', gross_minor: '123456' },
    { day: '2026-11-24', terminal: 'a,"b"\nc', gross_minor: '0' },
  ];

  it('writes CSV with a header, quoting what RFC 4180 asks to quote', () => {
    expect(exportRows('csv', ['day', 'terminal', 'gross_minor'], rows)).toBe('day,terminal,gross_minor\n2026-11-23,t-1,123456\n2026-11-24,"a,""b""\nc",0\n');
  });

  it('writes JSON lines with the columns in order', () => {
    expect(exportRows('jsonl', ['gross_minor', 'day'], rows)).toBe('{"gross_minor":"123456","day":"2026-11-23"}\n{"gross_minor":"0","day":"2026-11-24"}\n');
  });

  it('writes the header alone when no row matches', () => {
    expect(exportRows('csv', ['day'], [])).toBe('day\n');
    expect(exportRows('jsonl', ['day'], [])).toBe('');
  });
});
