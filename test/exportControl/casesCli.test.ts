import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { openStateDb } from '../../src/data/state/db.ts';
import { openCase } from '../../src/data/exportControl/caseStore.ts';
import { screenParty } from '../../src/data/exportControl/screeningService.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { pdfText } from '../tech/pdfText.ts';

/**
 * `chokepoint cases list|export`: a screen of 西北工業大学 on the real End User List kept as a case in the data
 * folder's state, listed and written as PDF (ja) and XLSX (en) with its marking; a bad kind names the option.
 */
describe('chokepoint cases', () => {
  let root: string;
  let id: string;
  const cli = (...args: string[]) => runCliInProcess([...args, '--data-dir', root]);

  beforeAll(async () => {
    root = tempDir();
    const dataDir = new DataDir(root);
    await fetchDataset(findManifest('meti-end-user-list'), { dataDir, mirror: sharedData });
    const result = screenParty(new Catalog(dataDir), { name: '西北工業大学' });
    const state = await openStateDb({ dataDir: dataDir.stateDir });
    try {
      id = (
        await openCase(
          state,
          { kind: 'party-screening', title: 'NPU enquiry', subject: result.query, result },
          { id: null, name: 'test' },
        )
      ).id;
    } finally {
      await state.close();
    }
  }, 120_000);

  it('lists the case and writes it as PDF and XLSX with its marking', async () => {
    const list = JSON.parse((await cli('cases', 'list', '--kind', 'party-screening', '--json')).stdout);
    expect(list.items.map((c: { id: string; title: string }) => [c.id, c.title])).toEqual([
      [id, 'NPU enquiry'],
    ]);

    const dir = tempDir();
    const pdf = path.join(dir, 'case.pdf');
    const xlsx = path.join(dir, 'case.xlsx');
    const ja = await cli('cases', 'export', id, '--pdf', pdf, '--json');
    expect(ja.code, ja.stderr).toBe(0);
    expect(JSON.parse(ja.stdout)).toMatchObject({ marking: { level: 1 }, written: [pdf] });
    const { text } = pdfText(fs.readFileSync(pdf));
    expect(text).toContain('輸出管理 案件: NPU enquiry');
    expect(text).toContain('取扱注意 (restricted)');
    // Table cells wrap within their column: compare without the line breaks.
    expect(text.replace(/\s+/g, '')).toContain('NorthwesternPolytechnicalUniversity（NPU）(西北工業大学)');

    expect((await cli('cases', 'export', id, '--lang', 'en', '--xlsx', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(cells[0]).toBe('RESTRICTED (取扱注意)');
    expect(cells).toContain('Export-control case: NPU enquiry');
  });

  it('names the option a bad value came in', async () => {
    const bad = await cli('cases', 'list', '--kind', 'party');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--kind must be one of');
  });
});
