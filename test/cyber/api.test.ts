import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { importOsvDatabase } from '../../src/data/cyber/osvDatabase.ts';

describe.each(stateBackends)('cyber API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    await importOsvDatabase({ dataDir: app.services.dataDir, source: path.join(sharedData, 'cyber/osv') });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  it('imports an SBOM, lists its vulnerabilities, and a supplier’s assessment is hidden until released', async () => {
    const { headers } = await testSession(app, { role: 'analyst', level: 1, organisation: 'supplier-a', organisationKind: 'company' });
    const text = fs.readFileSync(path.join(sharedData, 'cyber/cyclonedx/proton-bridge-v1.8.0.cdx-1.2.json'), 'utf8');
    const created = await app.inject({ method: 'POST', url: '/api/cyber/sboms', headers, payload: { text } });
    expect(created.statusCode).toBe(201);
    const vulns = await app.inject({ url: `/api/cyber/sboms/${created.json().id}/vulnerabilities`, headers });
    expect(vulns.statusCode).toBe(200);
    expect(vulns.json().vulnerabilities).toHaveLength(21);
    expect(vulns.json().withdrawn.map((w: { vulnId: string }) => w.vulnId)).toEqual(['GO-2026-4923']);
    const marked = await app.inject({ method: 'POST', url: '/api/cyber/sboms', headers, payload: { text, marking: { level: 1, compartments: [], releasableTo: null } } });
    const viewer0 = await testSession(app, { role: 'viewer', level: 0, organisation: 'supplier-a', organisationKind: 'company' });
    const hidden = await app.inject({ url: `/api/cyber/sboms/${marked.json().id}/vulnerabilities`, headers: viewer0.headers });
    const missing = await app.inject({ url: '/api/cyber/sboms/00000000-0000-0000-0000-000000000000/vulnerabilities', headers: viewer0.headers });
    expect([hidden.statusCode, hidden.json()]).toEqual([missing.statusCode, missing.json()]);
    expect(hidden.statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: '/api/cyber/sboms', headers, payload: { text: '{"bomFormat":"CycloneDX","specVersion":"9"}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.place).toEqual({ file: 'sbom', field: '/specVersion' });

    const buyer = await testSession(app, { role: 'analyst', level: 1, organisation: 'buyer-b', organisationKind: 'company' });
    const fw = await app.inject({ method: 'POST', url: '/api/cyber/frameworks', headers, payload: { text: fs.readFileSync(path.join(sharedData, 'cyber/controls/cisa-cpg-2.0.yaml'), 'utf8') } });
    expect(fw.statusCode).toBe(201);
    expect(fw.json().requirements).toBe(34);
    const a = await app.inject({ method: 'POST', url: '/api/cyber/assessments', headers, payload: { framework: 'cisa-cpg-2.0', title: 'FY2026' } });
    expect(a.statusCode).toBe(201);
    const id = a.json().id;
    const answer = await app.inject({ method: 'PUT', url: `/api/cyber/assessments/${id}/answers/1.A`, headers, payload: { answer: 'implemented', evidence: ['asset-inventory.xlsx'] } });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((await app.inject({ url: `/api/cyber/assessments/${id}`, headers: buyer.headers })).statusCode).toBe(404);
    const released = await app.inject({ method: 'POST', url: `/api/cyber/assessments/${id}/release`, headers, payload: { organisations: ['buyer-b'] } });
    expect(released.json().marking.releasableTo).toEqual(['buyer-b', 'supplier-a']);
    const seen = await app.inject({ url: `/api/cyber/assessments/${id}`, headers: buyer.headers });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().answers).toEqual([expect.objectContaining({ requirementId: '1.A', answer: 'implemented', evidence: ['asset-inventory.xlsx'] })]);
    expect(seen.json().score.overall.implemented).toBe(1);
  });
});
