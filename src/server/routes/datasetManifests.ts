import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { resolveMirror } from '../../config.ts';
import { manifests } from '../../data/manifests/index.ts';
import { publicMarking } from '../../analysis/marking.ts';
import { datasetMarkings, filterReadable } from '../security/markings.ts';

/**
 * The datasets chokepoint knows how to fetch (their manifests), so the web app can offer them: whether each can be
 * fetched now (from the configured mirror, or by download when every file has a publisher URL) and whether it is
 * already present (among the datasets the user may read). Manifests describe public sources; they carry no marking.
 */
const ManifestSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  titleJa: Type.String(),
  publisher: Type.String(),
  url: Type.String(),
  version: Type.String(),
  licence: Type.String(),
  kind: Type.String(),
  description: Type.String(),
  files: Type.Number(),
  bytes: Type.Number(),
  fetchable: Type.Boolean(),
  present: Type.Boolean(),
});

export const datasetManifestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dataset-manifests',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['datasets'],
        summary:
          'Datasets that can be fetched (manifests), whether a mirror is configured and what is present',
        response: {
          200: Type.Object({
            mirror: Type.Boolean(),
            items: Type.Array(ManifestSchema),
            total: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const mirror = resolveMirror() !== undefined;
      // "present" only for datasets the user may read: a hidden dataset does not exist for them.
      const markings = await datasetMarkings(app);
      const readable = filterReadable(
        request,
        app.services.catalog.list().map((e) => ({ id: e.id, marking: markings.get(e.id) ?? publicMarking })),
      );
      const present = new Set(readable.map((e) => e.id));
      const items = manifests.map((m) => ({
        id: m.id,
        title: m.title,
        titleJa: m.titleJa,
        publisher: m.publisher,
        url: m.url,
        version: m.version,
        licence: m.licence,
        kind: m.kind,
        description: m.description,
        files: m.files.length,
        bytes: m.files.reduce((sum, f) => sum + f.bytes, 0),
        fetchable: mirror || m.files.every((f) => f.url),
        present: present.has(m.id),
      }));
      return { mirror, items, total: items.length };
    },
  );
};
