import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { apiTypesSource, schemaFile } from '../../scripts/apiTypes.ts';
import { openApiDocument } from '../../scripts/generateApiTypes.ts';

/** A one-route OpenAPI document answering `schema`. */
function docOf(schema: unknown) {
  return {
    paths: { '/api/x': { get: { responses: { '200': { content: { 'application/json': { schema } } } } } } },
  };
}

/** The type the generator writes for the route, without formatting whitespace. */
async function typeOf(schema: unknown): Promise<string> {
  const source = await apiTypesSource(docOf(JSON.parse(JSON.stringify(schema))) as never);
  const match = /'GET \/api\/x': ([\s\S]*?);\n}\n/.exec(source);
  if (!match) throw new Error(`no entry in:\n${source}`);
  return match[1].replace(/\s+/g, ' ').replace(/;? }/g, ' }');
}

describe('API response types from OpenAPI', () => {
  it('converts the TypeBox shapes the routes use', async () => {
    expect(
      await typeOf(
        Type.Object({
          id: Type.String({ description: 'ISO3' }),
          share: Type.Union([Type.Number(), Type.Null()]),
          level: Type.Union([Type.Literal(0), Type.Literal(3)]),
          note: Type.Optional(Type.String()),
          flags: Type.Record(Type.String(), Type.Boolean()),
          point: Type.Tuple([Type.Number(), Type.Number()]),
          rows: Type.Array(Type.Union([Type.Number(), Type.Null()])),
          'two words': Type.Boolean(),
        }),
      ),
    ).toBe(
      '{ /** ISO3 */ id: string; share: number | null; level: 0 | 3; note?: string; ' +
        "flags: Record<string, boolean>; point: [number, number]; rows: (number | null)[]; 'two words': boolean }",
    );
    expect(await typeOf(Type.Object({ a: Type.Number() }, { additionalProperties: true }))).toBe(
      '{ a: number } & Record<string, unknown>',
    );
    await expect(apiTypesSource(docOf({ $ref: '#/components/schemas/X' }) as never)).rejects.toThrow(
      /\$ref is not supported/,
    );
  });

  it('web/src/api/schema.ts matches the server (run `npm run generate:api-types` when this fails)', async () => {
    const fresh = await apiTypesSource(await openApiDocument());
    const committed = fs.readFileSync(schemaFile, 'utf8');
    if (committed !== fresh) {
      expect.fail(
        'web/src/api/schema.ts is stale: a route response schema changed. Run `npm run generate:api-types` ' +
          'and commit web/src/api/schema.ts.',
      );
    }
  });
});
