import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { resolveCountry } from '../../src/data/reference/countries.ts';

/**
 * `--encoding` on the commands that read a user's text file. The file: the real China critical-minerals monthly
 * file, partners renamed to their Japanese names and kept where those are all kanji (so that the bytes are not
 * clearly Shift_JIS without being told), saved as Shift_JIS with iconv.
 */
function kanjiOnlyShiftJis(dir: string): string {
  const [header, ...lines] = fs
    .readFileSync(
      path.join(sharedData, 'monthly', 'china-critical-minerals', 'deep_dive_hs6_monthly.csv'),
      'utf8',
    )
    .trimEnd()
    .split('\n');
  const kept = [header];
  for (const line of lines) {
    const fields = line.split(',');
    const country = resolveCountry(fields[1])!;
    if (!['HKG', 'JPN', 'KOR', 'TWN', 'USA', 'GBR'].includes(country.iso3)) continue;
    fields[1] = country.ja;
    kept.push(fields.join(','));
  }
  const file = path.join(dir, 'china_exports_kanji.csv');
  fs.writeFileSync(
    file,
    execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: `${kept.join('\n')}\n` }),
  );
  return file;
}

describe('chokepoint ews import --encoding', () => {
  it('fails naming the first byte unless told; imports with --encoding shift_jis; refuses other names', async () => {
    const dir = tempDir();
    const file = kanjiOnlyShiftJis(dir);
    const map = 'period=period_dt,partner=partner_name,hs=hs6,value=val,quantity=qty';
    const args = ['--data-dir', path.join(dir, 'data'), 'ews', 'import', file, '--map', map];
    args.push(...'--reporter CHN --flow export --dataset china-kanji'.split(' '));
    const plain = await runCliInProcess(args);
    expect(plain.code).toBe(3);
    // 38 bytes of header, then "2017-01-01," and 香港 (Hong Kong), whose first byte in Shift_JIS is 0x8D.
    expect(plain.stderr).toBe(
      'error: china_exports_kanji.csv, line 2: file is not UTF-8 (looks like Shift_JIS): byte 0x8d at offset 49 (line 2) is not valid UTF-8; save it as UTF-8, or give --encoding shift_jis if it is Japanese Shift_JIS\n',
    );
    const told = await runCliInProcess([...args, '--encoding', 'shift_jis', '--json']);
    expect(told.stderr).toBe('');
    expect(told.code).toBe(0);
    expect(JSON.parse(told.stdout)).toMatchObject({ id: 'china-kanji', kind: 'trade-monthly' });
    const wrong = await runCliInProcess([...args, '--encoding', 'latin1']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/--encoding must be utf8 or shift_jis, not "latin1"/);
  });
});
