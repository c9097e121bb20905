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

  it('writes a titled sub-schema once, as a type of that name, and refuses two schemas under one title', async () => {
    const Ranged = Type.Object(
      { value: Type.Number(), p95: Type.Number() },
      { title: 'Ranged', description: 'with its range' },
    );
    const source = await apiTypesSource(
      docOf(JSON.parse(JSON.stringify(Type.Object({ lost: Ranged, all: Type.Array(Ranged) })))) as never,
    );
    expect(source.replace(/\s+/g, ' ')).toContain("'GET /api/x': { lost: Ranged; all: Ranged[] };");
    expect(source.replace(/\s+/g, ' ')).toContain(
      '/** with its range */ export type Ranged = { value: number; p95: number };',
    );
    expect(source.match(/export type Ranged/g)).toHaveLength(1);
    const other = Type.Object({ value: Type.String() }, { title: 'Ranged' });
    await expect(
      apiTypesSource(docOf(JSON.parse(JSON.stringify(Type.Object({ a: Ranged, b: other })))) as never),
    ).rejects.toThrow(/two different schemas are titled Ranged/);
    await expect(
      apiTypesSource(docOf({ type: 'object', title: 'not a name', properties: {} }) as never),
    ).rejects.toThrow(/schema title "not a name" is not a type name/);
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
