import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Marking } from '../../src/analysis/marking.ts';
import { setGroup } from '../../src/data/reference/groupStore.ts';
import { createRun, createScenario, finishRun } from '../../src/data/scenario/scenarioStore.ts';
import { createJob, finishJob } from '../../src/data/state/jobStore.ts';
import { parseScenarioText } from '../../src/data/scenario/scenarioFile.ts';
import type { ScenarioRunOutput } from '../../src/data/scenario/scenarioService.ts';
import { addItems, createList, listItems, recordAlerts } from '../../src/data/ews/ewsState.ts';
import { cyberAuthzFixtures } from '../cyber/authzFixtures.ts';
import { exerciseAuthzFixtures } from '../exercises/authzFixtures.ts';
import { addEntry } from '../../src/data/identification/registryService.ts';
import { recordAssessment } from '../../src/data/identification/riskRegister.ts';
import { findRegistryEntry } from '../../src/data/reference/registryStore.ts';
import { exportControlAuthzFixtures } from '../exportControl/authzFixtures.ts';
import { investmentAuthzFixtures } from '../investment/authzFixtures.ts';
import { networkAuthzFixtures } from '../network/authzFixtures.ts';
import { createShare } from '../../src/data/sharing/index.ts';
import { createDialogue, type DialogueInput } from '../../src/data/dialogue/index.ts';

/**
 * Seeders for the authorization-matrix test: a route declaring `config.authz = { kind: 'list' | 'read',
 * fixture: NAME }` is exercised by creating objects with `authzFixtures[NAME](app, marking)`, which returns the
 * new object's id. Each area adds its own object types here (one entry, a few lines).
 */
export type AuthzFixture = (app: FastifyInstance, marking: Marking) => Promise<string>;

export const authzFixtures: Record<string, AuthzFixture> = {
  ...cyberAuthzFixtures,
  ...exerciseAuthzFixtures,
  ...exportControlAuthzFixtures,
  ...investmentAuthzFixtures,
  ...networkAuthzFixtures,
  /** A country group (src/data/reference/groupStore.ts). */
  countryGroup: async (app, marking) => {
    const id = `AUTHZ_${randomUUID().slice(0, 8).toUpperCase().replaceAll('-', '')}`;
    return (await setGroup(app.services.state, { id, members: ['JPN'], marking })).id;
  },
  /** A catalog entry (synthetic, no rows) with the marking stored in dataset_markings. */
  dataset: async (app, marking) => {
    const id = `authz-${randomUUID().slice(0, 8)}`;
    const scratch = path.join(app.services.dataDir.tmpDir, id);
    fs.mkdirSync(scratch, { recursive: true });
    app.services.catalog.publish(
      {
        id,
        kind: 'other',
        title: `SYNTHETIC authorization fixture ${id}`,
        publisher: 'chokepoint tests',
        version: '1',
        source: 'synthetic',
        retrievedAt: new Date().toISOString(),
        importedAt: new Date().toISOString(),
        synthetic: true,
        files: [],
        rows: 0,
        rejectedRows: 0,
      },
      scratch,
      'v1',
    );
    await app.services.state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ($1, $2::jsonb)
       ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
      [id, JSON.stringify(marking)],
    );
    return id;
  },
  /** A saved scenario (issue 7). */
  scenario: async (app, marking) => (await createScenario(app.services.state, authzScenario(marking))).id,
  /** A finished scenario run with a minimal result (nothing lost; the result's full form, as the API checks it). */
  scenarioRun: async (app, marking) => {
    const scenario = await createScenario(app.services.state, authzScenario(marking));
    const run = await createRun(app.services.state, { scenarioId: scenario.id, version: 1, marking });
    await finishRun(app.services.state, run.id, authzResult, marking);
    return run.id;
  },
  /** A finished job (a screen of every reporter) whose result carries the marking of the dataset it read. */
  job: async (app, marking) => {
    const job = await createJob(app.services.state, {
      kind: 'screen-all',
      params: { year: 2024 },
      marking,
      userId: null,
    });
    await finishJob(app.services.state, job.id, { result: { rows: 0 }, marking });
    return job.id;
  },
  /** A stored early-warning alert (issue 8), each on its own series so none supersedes another. */
  ewsAlert: async (app, marking) => {
    const partner = `Z${randomUUID().slice(0, 7)}`;
    const alert = {
      period: '2023-08',
      reporter: 'CHN',
      partner,
      hs: '811292',
      flow: 'export' as const,
      level: 1 as const,
      levelName: 'attention',
      levelNameJa: '関心',
      rules: [{ id: 'value-collapse', level: 1 as const, label: { ja: '金額の急減', en: 'Value collapse' } }],
      indicators: [],
      value: 0,
      expected: 0,
      events: [],
      explanation: { ja: `authz ${partner}`, en: `authz ${partner}` },
    };
    return (await recordAlerts(app.services.state, [alert], { ruleSet: 'authz', marking }))[0].id;
  },
  /** A proposed registry entry (issue 25; proposed, so no screen or early-warning list changes). */
  registryEntry: async (app, marking) => {
    const id = `authz-${randomUUID().slice(0, 8)}`;
    const input = { id, kind: 'good' as const, ja: '認可', en: 'authz', status: 'proposed' as const };
    return (await addEntry(app.services.state, input, { id: null, name: 'test' }, { marking })).entry.id;
  },
  /** A risk assessment of Japan on the public entry authz-risks (listed by its entry and reporter). */
  riskAssessment: async (app, marking) => {
    const state = app.services.state;
    const actor = { id: null, name: 'test' };
    if (!(await findRegistryEntry(state, 'authz-risks'))) {
      const entry = {
        id: 'authz-risks',
        kind: 'good' as const,
        ja: '認可',
        en: 'authz',
        status: 'proposed' as const,
      };
      await addEntry(state, entry, actor);
    }
    const input = { entryId: 'authz-risks', reporter: 'JPN', riskType: 'supply-disruption' as const };
    const saved = await recordAssessment(
      state,
      { ...input, level: 'high', judgement: 'authorization fixture', marking },
      actor,
    );
    return String(saved.id);
  },
  /** A share (issue 24) with both test organisations as recipients: who reads it is decided by its marking. */
  share: async (app, marking) => {
    const share = await createShare(app.services.state, {
      kind: 'scenario-run',
      source: { run: randomUUID() },
      title: 'authorization fixture',
      note: null,
      snapshot: { rows: [{ hs6: '811292', value: 1, marking }], marking },
      sourceMarking: marking,
      marking,
      recipients: [
        { kind: 'organisation', id: 'test-ministry' },
        { kind: 'organisation', id: 'partner-co' },
      ],
      expiresAt: Date.now() + 86_400_000,
      createdBy: null,
      sender: 'authz',
    });
    return share.id;
  },
  /** A dialogue record (issue 24). */
  dialogueRecord: async (app, marking) =>
    (await createDialogue(app.services.state, authzDialogue(marking), null)).id,
  /** An open follow-up of a dialogue record, due soon. */
  dialogueFollowUp: async (app, marking) =>
    (await createDialogue(app.services.state, authzDialogue(marking), null)).followUps[0].id,
  /** A monitored early-warning item (no dataset), in a list of its own. */
  ewsItem: async (app, marking) => {
    const state = app.services.state;
    const list = await createList(state, { kind: 'user', name: { ja: '認可', en: 'authz' }, marking });
    await addItems(
      state,
      list,
      [{ reporter: 'JPN', hs: '811292', flow: 'import', grade: 'A', marking }],
      new Date(),
    );
    return (await listItems(state, { listId: list }))[0].id;
  },
};

const authzDialogue = (marking: Marking): DialogueInput => ({
  heldOn: '2026-11-30',
  kind: 'hearing',
  title: 'authorization fixture',
  participants: [],
  organisations: [],
  topics: [],
  products: ['811292'],
  technologies: [],
  cases: [],
  summary: '',
  findings: [],
  followUps: [{ action: 'send the minutes', owner: 'authz', dueOn: '2026-12-15', done: false }],
  marking,
});

const authzScenarioText =
  'name: authorization fixture\nshocks:\n  - {type: export-cut, exporter: CHN, products: ["811292"], duration: 1}\n';
const authzScenario = (marking: Marking) => ({
  definition: parseScenarioText(authzScenarioText),
  text: authzScenarioText,
  marking,
});

const nothing = { value: 0, p5: 0, p50: 0, p95: 0 };
const authzResult: ScenarioRunOutput = {
  name: 'authorization fixture',
  reporter: { iso3: 'JPN', en: 'Japan', ja: '日本' },
  year: 2024,
  horizonMonths: 1,
  units: { trade: 'thousand USD', quantity: 'tonnes' },
  totals: { importsAffected: 0, lost: nothing, replaced: nothing, stockDrawn: nothing, unmet: nothing },
  products: [],
  bindingProducts: [],
  monteCarlo: { draws: 1, seed: 1 },
  assumptions: [],
  provenance: {
    trade: {
      dataset: 'authz',
      title: 'SYNTHETIC authorization fixture',
      publisher: 'chokepoint tests',
      version: '1',
      synthetic: true,
    },
    methods: [],
  },
};
