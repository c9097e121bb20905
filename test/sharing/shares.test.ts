import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { pdfText } from '../tech/pdfText.ts';
import type { Marking } from '../../src/analysis/marking.ts';
import { authzFixtures } from '../helpers/authzFixtures.ts';
import { setParticipant } from '../../src/data/exercises/exerciseStore.ts';

/**
 * Sharing analyses (issue 24) on the real BACI critical-minerals extract (31 HS6 codes; Japan 2024 screens all 31),
 * its dataset marked 取扱注意 (restricted): shares, their snapshots and markings, recipients' reads, signed links —
 * and the attacks: a recipient below the marking, a user who is not a recipient, a sender lowering the marking,
 * expired, revoked and tampered links.
 */
const restricted: Marking = { level: 1, compartments: [], releasableTo: null };
const confidential: Marking = { level: 2, compartments: [], releasableTo: null };

describe.each(stateBackends)('sharing analyses (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let sender: { headers: Record<string, string>; user: { id: string; username: string } };
  let recipient: { headers: Record<string, string>; user: { id: string; username: string } };
  let partnerLow: { headers: Record<string, string>; user: { id: string; username: string } };
  let outsider: { headers: Record<string, string>; user: { id: string; username: string } };
  let declassifier: { headers: Record<string, string>; user: { id: string; username: string } };
  const screen = { reporter: 'JPN', year: '2024', dataset: 'baci-cm' };

  beforeAll(async () => {
    const root = tempDir();
    await importSharedTrade(new DataDir(root).ensure(), { datasetId: 'baci-cm', labels: true });
    state = await openTestState(backend, { fresh: true });
    app = await buildApp({ dataDir: root, webDir: false, state });
    await state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ('baci-cm', $1::jsonb)
       ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
      [JSON.stringify(restricted)],
    );
    sender = await testSession(app, { role: 'analyst', level: 2, organisation: 'meti' });
    declassifier = await testSession(app, {
      role: 'analyst',
      level: 2,
      organisation: 'meti',
      permissions: ['declassify'],
    });
    recipient = await testSession(app, { role: 'viewer', level: 2, organisation: 'partner-a' });
    partnerLow = await testSession(app, { role: 'viewer', level: 1, organisation: 'partner-a' });
    outsider = await testSession(app, { role: 'viewer', level: 3, organisation: 'partner-b' });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const share = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/shares', headers, payload });
  const get = (headers: Record<string, string>, url: string) => app.inject({ url, headers });
  /** Shares the Japan 2024 screen (the payload's fields override). */
  const shareScreen = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    share(headers, { kind: 'screen', source: screen, ...payload });
  const makeLink = (
    headers: Record<string, string>,
    id: string,
    payload: { recipientName: string; days?: number },
  ) => app.inject({ method: 'POST', url: `/api/shares/${id}/links`, headers, payload });

  it('shares a screen with a snapshot marked with what it read; the recipient reads what the sender saw', async () => {
    const res = await shareScreen(sender.headers, {
      title: 'Japan 2024 screen',
      recipients: { users: [recipient.user.username] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json().share;
    expect(made.sourceMarking).toEqual(restricted);
    expect(made.marking).toEqual(restricted);
    expect(made.recipients).toEqual([{ kind: 'user', id: recipient.user.id }]);

    const seen = await get(recipient.headers, `/api/shares/${made.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().snapshot.screened).toBe(31);
    expect(seen.json().snapshot.provenance.dataset).toBe('baci-cm');
    expect(JSON.parse(String(seen.headers['x-chokepoint-marking']))).toEqual(restricted);
    // The snapshot stays as it was: the dataset's data changing later does not change it (we drop the marking).
    const list = (await get(recipient.headers, '/api/shares')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(made.id);
    // The sender sees it among the shares they sent, the recipient does not.
    expect(
      (await get(sender.headers, '/api/shares/sent')).json().items.map((s: { id: string }) => s.id),
    ).toContain(made.id);
    expect((await get(recipient.headers, '/api/shares/sent')).json().total).toBe(0);
    const audit = await state.query<{ action: string; details: { kind: string } }>(
      `SELECT action, details FROM audit_log WHERE object_type = 'share' AND object_id = $1 ORDER BY seq`,
      [made.id],
    );
    expect(audit[0]).toMatchObject({ action: 'share', details: { kind: 'screen' } });
  });

  it('the enforcement point sees the share’s marking: a share marked above its result answers with that marking', async () => {
    const res = await shareScreen(sender.headers, {
      title: 'raised',
      marking: confidential,
      recipients: { organisations: ['partner-a'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().share.id;
    const seen = await get(recipient.headers, `/api/shares/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(JSON.parse(String(seen.headers['x-chokepoint-marking']))).toEqual(confidential);
    // Every part of the snapshot carries the share's marking.
    expect(seen.json().snapshot.marking).toEqual(confidential);

    // Attack: a recipient (through the organisation) below the marking sees nothing — not even a count.
    const missing = await get(partnerLow.headers, `/api/shares/00000000-0000-0000-0000-000000000000`);
    const hidden = await get(partnerLow.headers, `/api/shares/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    const low = (await get(partnerLow.headers, '/api/shares')).json();
    expect(low.items.map((s: { id: string }) => s.id)).not.toContain(id);
    expect(low.total).toBe(low.items.length);
    expect((await get(partnerLow.headers, `/api/shares/${id}/document`)).statusCode).toBe(404);
  });

  it('attack: a recipient whose clearance was lowered after the share can no longer read it', async () => {
    const res = await shareScreen(sender.headers, {
      title: 'clearance changes',
      marking: confidential,
      recipients: { users: [recipient.user.username] },
    });
    const id = res.json().share.id;
    expect((await get(recipient.headers, `/api/shares/${id}`)).statusCode).toBe(200);
    await state.query('UPDATE users SET clearance_level = 1 WHERE id = $1', [recipient.user.id]);
    try {
      expect((await get(recipient.headers, `/api/shares/${id}`)).statusCode).toBe(404);
      expect(
        (await get(recipient.headers, '/api/shares')).json().items.map((s: { id: string }) => s.id),
      ).not.toContain(id);
    } finally {
      await state.query('UPDATE users SET clearance_level = 2 WHERE id = $1', [recipient.user.id]);
    }
  });

  it('attack: a named recipient below the marking is refused at share time', async () => {
    const res = await shareScreen(sender.headers, {
      title: 'too high',
      marking: confidential,
      recipients: { users: [partnerLow.user.username] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.place.field).toBe('recipients.users[0]');
  });

  it('attack: a user who is not a recipient, even cleared higher, sees neither the share nor its count', async () => {
    const res = await shareScreen(sender.headers, {
      title: 'not for partner-b',
      recipients: { organisations: ['partner-a'] },
    });
    const id = res.json().share.id;
    const missing = await get(outsider.headers, `/api/shares/00000000-0000-0000-0000-000000000000`);
    const hidden = await get(outsider.headers, `/api/shares/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    expect((await get(outsider.headers, '/api/shares')).json()).toMatchObject({ items: [], total: 0 });
    // Nor may another user act on it as if they had sent it.
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/shares/${id}/revoke`,
      headers: recipient.headers,
      payload: {},
    });
    expect(revoke.statusCode).toBe(403); // a viewer may not revoke at all
  });

  it('attack: the sender may not lower the marking below what the result read without declassify and a reason', async () => {
    const payload = {
      kind: 'screen',
      source: screen,
      title: 'lowered',
      marking: { level: 0, compartments: [], releasableTo: null },
      recipients: { organisations: ['partner-a'] },
    };
    const refused = await share(sender.headers, payload);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/declassify/);
    const noReason = await share(declassifier.headers, payload);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.place.field).toBe('reason');
    const ok = await share(declassifier.headers, {
      ...payload,
      reason: 'figures already published by the ministry',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().share).toMatchObject({ sourceMarking: restricted, marking: { level: 0 } });
    const [entry] = await state.query<{ details: { declassified: boolean; reason: string } }>(
      `SELECT details FROM audit_log WHERE object_type = 'share' AND object_id = $1`,
      [ok.json().share.id],
    );
    expect(entry.details).toMatchObject({
      declassified: true,
      reason: 'figures already published by the ministry',
    });
    // And nobody marks above their own clearance.
    const above = await share(sender.headers, {
      ...payload,
      marking: { level: 3, compartments: [], releasableTo: null },
    });
    expect(above.statusCode).toBe(403);
  });

  it('a result the sender may not read cannot be shared (it answers like a missing one)', async () => {
    const low = await testSession(app, { role: 'analyst', level: 0, organisation: 'meti' });
    const res = await shareScreen(low.headers, {
      title: 'x',
      recipients: { organisations: ['partner-a'] },
    });
    expect(res.statusCode).toBe(404);
    expect(await state.query(`SELECT id FROM shares WHERE title = 'x'`)).toEqual([]);
  });

  it('shares a product dossier, a scenario run, a zone assessment and an exercise report as their routes answer them', async () => {
    const dossier = await share(sender.headers, {
      kind: 'dossier',
      source: { hs6: '811292', reporter: 'JPN', year: '2024' },
      title: 'Gallium dossier',
      recipients: { users: [recipient.user.username] },
    });
    expect(dossier.statusCode, dossier.body).toBe(201);
    const seenDossier = (await get(recipient.headers, `/api/shares/${dossier.json().share.id}`)).json();
    expect(seenDossier.snapshot.hs6).toBe('811292');
    expect(seenDossier.snapshot.years.map((y: { year: number }) => y.year)).toEqual([
      2018, 2019, 2020, 2021, 2022, 2023, 2024,
    ]);

    const runId = await authzFixtures.scenarioRun(app, confidential);
    const run = await share(sender.headers, {
      kind: 'scenario-run',
      source: { run: runId },
      title: 'Run',
      recipients: { users: [recipient.user.username] },
    });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json().share.marking).toEqual(confidential);
    expect((await get(recipient.headers, `/api/shares/${run.json().share.id}`)).json().snapshot.id).toBe(
      runId,
    );
    // A run the sender may not read (above their clearance) cannot be shared.
    const hiddenRun = await authzFixtures.scenarioRun(app, {
      level: 3,
      compartments: [],
      releasableTo: null,
    });
    const refused = await share(sender.headers, {
      kind: 'scenario-run',
      source: { run: hiddenRun },
      title: 'Run',
      recipients: { users: [recipient.user.username] },
    });
    expect(refused.statusCode).toBe(404);

    const zone = await share(sender.headers, {
      kind: 'zone',
      source: { entry: 'permanent-magnets', reporter: 'JPN' },
      title: 'Permanent magnets zone',
      recipients: { users: [recipient.user.username] },
    });
    expect(zone.statusCode, zone.body).toBe(201);
    const seenZone = (await get(recipient.headers, `/api/shares/${zone.json().share.id}`)).json();
    expect(seenZone.snapshot.item.id).toBe('permanent-magnets');
    expect(seenZone.snapshot.reporter).toBe('JPN');

    const exerciseId = await authzFixtures.exercise(app, restricted);
    await setParticipant(state, exerciseId, {
      userId: sender.user.id,
      role: 'facilitator',
      team: null,
      addedBy: null,
    });
    const report = await share(sender.headers, {
      kind: 'exercise-report',
      source: { exercise: exerciseId, org: 'partner-a', lang: 'en' },
      title: 'After-action report',
      recipients: { organisations: ['partner-a'] },
    });
    expect(report.statusCode, report.body).toBe(201);
    const seenReport = (await get(recipient.headers, `/api/shares/${report.json().share.id}`)).json();
    expect(seenReport.snapshot.title).toMatch(/^Tabletop exercise — after-action report/);
    expect(seenReport.marking).toEqual(restricted);
    const pdf = await get(
      recipient.headers,
      `/api/shares/${report.json().share.id}/document?format=pdf&lang=en`,
    );
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).text;
    expect(text).toContain('Tabletop exercise — after-action report');
    expect(text).toContain(recipient.user.username);
  });

  describe('signed links', () => {
    let shareId: string;
    let token: string;
    let linkId: string;
    beforeAll(async () => {
      const res = await shareScreen(sender.headers, {
        title: 'Japan 2024 screen for the association',
        recipients: { organisations: ['partner-a'] },
        link: { recipientName: 'Hanako Sato (JEITA)', days: 7 },
      });
      expect(res.statusCode, res.body).toBe(201);
      shareId = res.json().share.id;
      token = res.json().link.token;
      linkId = res.json().link.link.id;
      expect(res.json().link.url).toBe(`/api/share-links/${token}`);
    });

    it('serves HTML and PDF without an account, marked and watermarked with the recipient on every page', async () => {
      const html = await app.inject({ url: `/api/share-links/${token}` });
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(JSON.parse(String(html.headers['x-chokepoint-marking']))).toEqual(restricted);
      expect(html.body).toContain('<div class="watermark" aria-hidden="true">Hanako Sato (JEITA)</div>');
      expect(html.body).toContain('取扱注意');
      const pdf = await app.inject({ url: `/api/share-links/${token}?format=pdf&lang=en` });
      expect(pdf.statusCode).toBe(200);
      const text = pdfText(pdf.rawPayload);
      expect(text.pages).toBeGreaterThan(1);
      expect(text.text.split('Hanako Sato (JEITA)').length - 1).toBeGreaterThanOrEqual(text.pages);
      const reads = await state.query(
        `SELECT 1 FROM audit_log WHERE object_type = 'share-link' AND action = 'read' AND object_id = $1`,
        [linkId],
      );
      expect(reads.length).toBe(2);
      // The token is shown once: the list of links does not carry it.
      const links = (await get(sender.headers, `/api/shares/${shareId}/links`)).json();
      expect(links.total).toBe(1);
      expect(JSON.stringify(links)).not.toContain(token.split('.')[2]);
    });

    it('attack: a tampered token (signature, id or expiry changed) answers like no link', async () => {
      const [id, expires, mac] = token.split('.');
      const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
      for (const forged of [
        `${id}.${expires}.${flip(mac)}`,
        `${id}.${Number(expires) + 86_400_000}.${mac}`,
        `00000000-0000-0000-0000-000000000000.${expires}.${mac}`,
        `${id}.${expires}.${mac}x`,
        'not-a-token',
      ]) {
        const res = await app.inject({ url: `/api/share-links/${encodeURIComponent(forged)}` });
        expect(res.statusCode, forged).toBe(404);
        expect(res.json().error.message).toBe('no such link');
      }
    });

    it('attack: an expired link answers 404 and says so', async () => {
      const made = await makeLink(sender.headers, shareId, { recipientName: 'Expired Person' });
      expect(made.statusCode, made.body).toBe(201);
      await state.query(`UPDATE share_links SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        made.json().link.id,
      ]);
      const res = await app.inject({ url: `/api/share-links/${made.json().token}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('this link has expired');
    });

    it('attack: a revoked link, and every link of a revoked share, stop working', async () => {
      const made = await makeLink(sender.headers, shareId, { recipientName: 'Revoked Person', days: 3 });
      const revoke = await app.inject({
        method: 'POST',
        url: `/api/shares/${shareId}/links/${made.json().link.id}/revoke`,
        headers: sender.headers,
        payload: { reason: 'meeting cancelled' },
      });
      expect(revoke.statusCode).toBe(200);
      const res = await app.inject({ url: `/api/share-links/${made.json().token}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('this link was revoked');
      expect((await app.inject({ url: `/api/share-links/${token}` })).statusCode).toBe(200);
      const revokedShare = await app.inject({
        method: 'POST',
        url: `/api/shares/${shareId}/revoke`,
        headers: sender.headers,
        payload: { reason: 'superseded' },
      });
      expect(revokedShare.statusCode).toBe(200);
      expect(revokedShare.json().revokedAt).not.toBeNull();
      const after = await app.inject({ url: `/api/share-links/${token}` });
      expect(after.statusCode).toBe(404);
      expect(after.json().error.message).toBe('this link was revoked');
      // The recipients no longer see it either.
      expect((await get(recipient.headers, `/api/shares/${shareId}`)).statusCode).toBe(404);
    });

    it('attack: no signed link for a share above restricted, nor by anyone but its sender', async () => {
      const high = await shareScreen(sender.headers, {
        title: 'confidential',
        marking: confidential,
        recipients: { organisations: ['partner-a'] },
        link: { recipientName: 'Someone' },
      });
      expect(high.statusCode).toBe(403);
      expect(high.json().error.place.field).toBe('link');
      const mine = await shareScreen(sender.headers, {
        title: 'mine',
        recipients: { organisations: ['partner-a'] },
      });
      const other = await makeLink(declassifier.headers, mine.json().share.id, { recipientName: 'Someone' });
      expect(other.statusCode).toBe(404);
    });
  });
});
