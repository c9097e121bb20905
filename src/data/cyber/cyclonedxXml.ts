import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ChokepointError } from '../../errors.ts';

/**
 * CycloneDX XML (namespace http://cyclonedx.org/schema/bom/1.x) turned into the object the JSON form has, so that
 * one reader (cyclonedx.ts) checks both: `<components><component>` → `components[]`, `<dependencies><dependency
 * ref><dependency ref/>` → `dependencies[{ref, dependsOn}]`, `<licenses><license><id>` / `<expression>`,
 * `<vulnerabilities>` with `<analysis><state>` and `<affects><target><ref>`; attributes `bom-ref`, `type`,
 * `serialNumber`, `version`. The spec version comes from the namespace. Malformed XML names its line.
 */
type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number'
    ? String(v)
    : isObject(v) && '#text' in v
      ? String(v['#text'])
      : undefined;

export function cyclonedxXmlToJson(xml: string, file: string): Json {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new ChokepointError('bad_file', `not well-formed XML: ${valid.err.msg}`, {
      file,
      line: valid.err.line,
    });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
  });
  const doc = parser.parse(xml) as Json;
  const bom = doc.bom;
  if (!isObject(bom))
    throw new ChokepointError('bad_file', 'the root element is not <bom>', { file, field: '/bom' });
  // The parser drops namespace declarations (removeNSPrefix), so the root's default namespace is read from the text.
  const ns = /<(?:\w+:)?bom\b[^>]*?\sxmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? '';
  const m = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/.exec(ns);
  if (!m)
    throw new ChokepointError(
      'bad_file',
      `<bom> namespace ${JSON.stringify(ns)} is not a CycloneDX schema namespace`,
      {
        file,
        field: '/bom/@xmlns',
      },
    );
  const component = (c: unknown): Json => {
    const o = isObject(c) ? c : {};
    const out: Json = {
      type: text(o['@type']),
      'bom-ref': text(o['@bom-ref']),
      group: text(o.group),
      name: text(o.name),
      version: text(o.version),
      purl: text(o.purl),
      publisher: text(o.publisher),
      licenses: list(
        isObject(o.licenses) ? [...list(o.licenses.license), ...list(o.licenses.expression)] : [],
      ).map((l) =>
        isObject(l) ? { license: { id: text(l.id), name: text(l.name) } } : { expression: text(l) },
      ),
    };
    if (isObject(o.supplier)) out.supplier = { name: text(o.supplier.name) };
    const nested = isObject(o.components) ? list(o.components.component) : [];
    if (nested.length) out.components = nested.map(component);
    return out;
  };
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const dependencies = isObject(bom.dependencies) ? list(bom.dependencies.dependency) : [];
  const vulnerabilities = isObject(bom.vulnerabilities) ? list(bom.vulnerabilities.vulnerability) : [];
  return {
    bomFormat: 'CycloneDX',
    specVersion: m[1],
    serialNumber: text(bom['@serialNumber']),
    metadata: {
      component: isObject(metadata.component) ? component(metadata.component) : undefined,
      supplier: isObject(metadata.supplier) ? { name: text(metadata.supplier.name) } : undefined,
    },
    components: (isObject(bom.components) ? list(bom.components.component) : []).map(component),
    dependencies: dependencies.map((d) => ({
      ref: isObject(d) ? text(d['@ref']) : undefined,
      dependsOn: (isObject(d) ? list(d.dependency) : []).map((x) =>
        isObject(x) ? text(x['@ref']) : undefined,
      ),
    })),
    vulnerabilities: vulnerabilities.map((v) => {
      const o = isObject(v) ? v : {};
      const analysis = isObject(o.analysis) ? o.analysis : undefined;
      return {
        id: text(o.id),
        analysis: analysis
          ? {
              state: text(analysis.state),
              justification: text(analysis.justification),
              detail: text(analysis.detail),
            }
          : undefined,
        affects: (isObject(o.affects) ? list(o.affects.target) : []).map((t) => ({
          ref: isObject(t) ? text(t.ref) : undefined,
        })),
      };
    }),
  };
}
