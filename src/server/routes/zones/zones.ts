import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Loosened, SameType } from '../../sameType.ts';
import { type ConditionTrace, type RuleTrace, parseRuleSet } from '../../../analysis/zones/rules.ts';
import { assertReadable, filterReadable, MarkingSchema, readerOf } from '../../security/markings.ts';
import { currentUser } from '../../security/access.ts';
import { ChokepointError } from '../../../errors.ts';
import { suggestionIds } from '../../../analysis/policy/measures.ts';
import {
  assessZones,
  type AssessedEntry,
  activeRuleSet,
  overrideZone,
  setActiveRuleSet,
  zoneOverrideHistory,
  buildDossier,
} from '../../../data/tech/index.ts';
import { documentHeaders } from '../../documentReply.ts';
import { renderDocument } from '../../../data/tech/documentFile.ts';
import { zoneNames, zones } from '../../../analysis/zones/zone.ts';
import { matrixPoint } from '../../../analysis/zones/matrix.ts';
import { publicMarking } from '../../../analysis/marking.ts';
import { techServicesOf } from '../../tech/techServices.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import {
  IdParams,
  Override,
  ZoneEntrySchema,
  ZoneValue,
  ZonesQuery,
  ZonesResponse,
  zoneRequestOf,
  type ZonesQueryType,
} from './schemas.ts';

/**
 * /api/zones — every critical good and technology placed in zone ①/②/③ with the rule that fired and the
 * indicators behind it; the zone matrix (advantage × supply concentration); analysts' overrides (audited); the
 * rule set; the dossier export (PDF/XLSX). Each entry carries the join of its own, its override's, its measures'
 * and its datasets' markings: entries a user may not read are left out of lists and answer 404 alone.
 */
function entryView(e: AssessedEntry) {
  return {
    id: e.entry.id,
    kind: e.entry.kind,
    name: e.entry.name,
    hs6: e.entry.hs6,
    patentFields: e.entry.patentFields.map((f) => `${f.source}/${f.field}`),
    zone: e.zone,
    ruleZone: e.classification.zone,
    rule: e.classification.rule,
    override: e.override,
    indicators: e.indicators as unknown as Record<string, number | boolean | null>,
    trace: e.classification.trace,
    matrix: matrixPoint({ ...e.indicators, patentHhi: e.patents?.concentration.hhi ?? null }),
    risks: e.risks,
    suggested: suggestionIds(e.suggested),
    applied: e.applied.map((m) => ({
      measureId: m.measureId,
      status: m.status,
      since: m.since,
      note: m.note,
    })),
    marking: e.marking,
  };
}
// The schema states exactly what entryView gives (both ways: no field only one of them has), but names an
// indicator as text rather than the union of the 22 indicator names.
type EntryView = ReturnType<typeof entryView>;
type LooseTrace = Omit<RuleTrace, 'conditions'> & {
  conditions: Loosened<ConditionTrace, 'indicator', string>[];
};
const entryMatches: SameType<
  Static<typeof ZoneEntrySchema>,
  Loosened<EntryView, 'trace', LooseTrace[]>
> = true;
void entryMatches;

/** One readable entry, or 404 (hidden entries answer exactly like missing ones). */
async function readableEntry(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
  query: ZonesQueryType,
) {
  let assessment;
  try {
    assessment = await assessZones(techServicesOf(app), { ...zoneRequestOf(query), entries: [id] });
  } catch (error) {
    if (error instanceof ChokepointError && error.code === 'not_found' && error.place.field === 'entry')
      throw new ChokepointError('not_found', 'entry not found', { field: 'entry' });
    throw error;
  }
  const entry = assessment.entries[0];
  assertReadable(request, entry.marking, 'entry', { field: 'entry' });
  if (entry.marking.level >= 1)
    await app.audit(request, {
      action: 'read',
      objectType: 'zone',
      objectId: `${assessment.reporter}/${id}`,
      marking: entry.marking,
    });
  return { assessment, entry };
}

export const zoneRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/zones',
    {
      config: {
        marks: 'objects',
        authz: {
          kind: 'none',
          reason:
            'entries are derived (registry, datasets, overrides); marking checks in test/tech/api.test.ts',
        },
      },
      schema: {
        tags: ['zones'],
        summary:
          'Zone ①/②/③ of every critical good and technology, with the rule and indicators (the zone matrix)',
        querystring: ZonesQuery,
        response: { 200: ZonesResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const a = await assessZones(techServicesOf(app), zoneRequestOf(q));
      const items = filterReadable(request, a.entries.map(entryView));
      return {
        reporter: a.reporter,
        ruleSet: { id: a.ruleSet.id, version: a.ruleSet.version },
        zones: zones.map((id) => ({ id, ...zoneNames[id] })),
        items,
        total: items.length,
        notes: a.notes,
        provenance: a.provenance.map((p) => ({
          dataset: p.dataset,
          title: p.title,
          publisher: p.publisher,
          version: p.version,
          synthetic: p.synthetic,
        })),
      };
    },
  );

  app.get(
    '/zones/rules',
    {
      config: { marks: 'none', authz: { kind: 'none', reason: 'the rule set is public configuration' } },
      schema: { tags: ['zones'], summary: 'The zone rule set in use (JSON, editable)' },
    },
    async () => activeRuleSet(app.services.state),
  );

  app.put(
    '/zones/rules',
    {
      config: { marks: 'none', roles: ['administrator', 'analyst'], authz: { kind: 'action' } },
      schema: {
        tags: ['zones'],
        summary: 'Replace the zone rule set (checked; body null restores the default)',
        body: Type.Union([Type.Null(), Type.Object({}, { additionalProperties: true })]),
      },
    },
    async (request) => {
      const user = currentUser(request);
      const rules = request.body === null ? null : parseRuleSet(request.body, 'request body');
      const saved = await setActiveRuleSet(app.services.state, rules, user.username);
      await app.audit(request, {
        action: rules ? 'zone_rules.set' : 'zone_rules.reset',
        objectType: 'zone_rules',
        objectId: 'active',
        details: { id: saved.id, version: saved.version },
      });
      return saved;
    },
  );

  app.get(
    '/zones/:entry',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'none', reason: 'derived; marking checks in test/tech/api.test.ts' },
      },
      schema: {
        tags: ['zones'],
        summary: 'One entry: zone, every rule tried with its figures, indicators, override history',
        params: IdParams,
        querystring: ZonesQuery,
        response: {
          200: Type.Object({ reporter: Type.String(), item: ZoneEntrySchema, history: Type.Array(Override) }),
        },
      },
    },
    async (request) => {
      const { entry: id } = request.params;
      const { assessment, entry } = await readableEntry(app, request, id, request.query);
      const history = filterReadable(request, await zoneOverrideHistory(app.services.state, id)).filter(
        (o) => o.reporter === assessment.reporter,
      );
      return { reporter: assessment.reporter, item: entryView(entry), history };
    },
  );

  app.post(
    '/zones/:entry/override',
    {
      config: { marks: 'result', roles: ['administrator', 'analyst'], authz: { kind: 'action' } },
      schema: {
        tags: ['zones'],
        summary: "An analyst's zone for an entry, with a reason (audited); zone null withdraws it",
        params: IdParams,
        body: Type.Object(
          {
            reporter: Type.Optional(Type.String({ minLength: 2, maxLength: 64 })),
            zone: ZoneValue,
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
            marking: Type.Optional(MarkingSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: Override },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { entry: id } = request.params;
      const body = request.body;
      const { marking } = authorizeMarkingChange(request, {
        requested: body.marking,
        fallback: publicMarking,
        what: 'override',
      });
      const { assessment, entry } = await readableEntry(app, request, id, {
        reporter: body.reporter,
        screen: true,
      });
      return overrideZone(
        app.services.state,
        {
          entryId: id,
          reporter: assessment.reporter,
          zone: body.zone,
          reason: body.reason,
          marking,
          ruleZone: entry.classification.zone,
          ruleId: entry.classification.rule?.id ?? null,
        },
        { id: user.id, name: user.username },
      );
    },
  );

  app.get(
    '/zones/:entry/dossier',
    {
      config: {
        marks: 'export',
        authz: { kind: 'none', reason: 'derived; marking checks in test/tech/api.test.ts' },
      },
      schema: {
        tags: ['zones'],
        summary:
          'The dossier of an entry as PDF or XLSX (ja/en), its marking on every page; 404 to users who may not read it',
        params: IdParams,
        querystring: Type.Intersect([
          ZonesQuery,
          Type.Object({
            lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
            format: Type.Optional(Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')])),
          }),
        ]),
      },
    },
    async (request, reply) => {
      const { entry: id } = request.params;
      const q = request.query;
      const lang = q.lang ?? 'ja';
      const format = q.format ?? 'pdf';
      // Build first, check the marking of the whole document, then render: nothing leaves for a user who may not read it.
      const dossier = await buildDossier(techServicesOf(app), {
        ...zoneRequestOf(q),
        entry: id,
        lang,
        alertReader: readerOf(request),
      }).catch((error: unknown) => {
        if (error instanceof ChokepointError && error.code === 'not_found' && error.place.field === 'entry')
          throw new ChokepointError('not_found', 'entry not found', { field: 'entry' });
        throw error;
      });
      assertReadable(request, dossier.marking, 'entry', { field: 'entry' });
      const body = await renderDocument(dossier, format);
      await app.audit(request, {
        action: 'export',
        objectType: 'dossier',
        objectId: `${id}.${format}`,
        marking: dossier.marking,
        details: { lang, format },
      });
      return reply.headers(documentHeaders(dossier, format, `dossier-${id}-${lang}`)).send(body);
    },
  );
};
