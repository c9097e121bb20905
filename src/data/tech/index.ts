/**
 * Critical technologies and goods: zone assessment of every registry entry, zone overrides and measures, the
 * RTA/RCA reports from patents and exports, and the dossier of one entry. The dossier's PDF and XLSX writers
 * (dossierPdf.ts, dossierXlsx.ts: pdfkit, exceljs) are not re-exported here: the CLI loads them on demand with
 * import(), so that no other command pays for them; import those files directly.
 */
export * from './dossier.ts';
export * from './exportData.ts';
export * from './patentData.ts';
export * from './techReports.ts';
export * from './zoneAssessment.ts';
export * from './zoneState.ts';
