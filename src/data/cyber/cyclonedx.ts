import { ChokepointError } from '../../errors.ts';
import { vexStatusOfCycloneDx, type VexStatement } from '../../analysis/cyber/vex.ts';
import { parsePurl, PurlError } from '../../analysis/cyber/purl.ts';
import { type SbomComponent, type SbomDocument, type SbomWarning } from './sbomDocument.ts';

/**
 * CycloneDX BOMs, specification versions 1.2–1.6 (cyclonedx.org/specification; JSON schema bom-1.x.schema.json):
 * `components[]` (nested `components` flattened), `dependencies[]` (`ref`, `dependsOn`), `metadata.component`,
 * licences (`licenses[].license.id|name` or `.expression`), `supplier.name`, and VEX in `vulnerabilities[]`
 * (`id`, `analysis.state`, `analysis.justification`, `affects[].ref`). The JSON form is read here; the XML form is
 * converted to the same object first (cyclonedxXml.ts). Any other spec version, or a document that is not a
 * CycloneDX BOM, is refused with the place named.
 */
export const cyclonedxVersions = ['1.2', '1.3', '1.4', '1.5', '1.6'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export function readCycloneDx(bom: unknown, file: string, encoding: 'json' | 'xml' = 'json'): SbomDocument {
  const bad = (pointer: string, message: string) =>
    new ChokepointError('bad_file', `${message} (at ${pointer || '/'})`, { file, field: pointer || '/' });
  if (!isObject(bom)) throw bad('', 'a CycloneDX BOM is a JSON object');
  if (encoding === 'json' && bom.bomFormat !== 'CycloneDX')
    throw bad('/bomFormat', `bomFormat is ${JSON.stringify(bom.bomFormat)}, not "CycloneDX"`);
  const specVersion = String(bom.specVersion ?? '');
  if (!cyclonedxVersions.includes(specVersion))
    throw bad(
      '/specVersion',
      `CycloneDX specVersion ${JSON.stringify(bom.specVersion)} is not one of ${cyclonedxVersions.join(', ')}`,
    );

  const warnings: SbomWarning[] = [];
  const components: SbomComponent[] = [];
  const seenRefs = new Set<string>();
  const readComponent = (c: unknown, pointer: string): SbomComponent | null => {
    if (!isObject(c)) throw bad(pointer, 'a component is an object');
    const name = str(c.name);
    if (!name) throw bad(`${pointer}/name`, 'a component needs a name');
    let purl = str(c.purl);
    if (purl) {
      try {
        parsePurl(purl);
      } catch (error) {
        if (!(error instanceof PurlError)) throw error;
        warnings.push({
          pointer: `${pointer}/purl`,
          message: `bad purl ${JSON.stringify(purl)}: ${error.message}; its vulnerabilities cannot be looked up`,
        });
        purl = null;
      }
    } else {
      warnings.push({
        pointer,
        message: `component ${JSON.stringify(name)} has no purl: its vulnerabilities cannot be looked up`,
      });
    }
    const ref = str(c['bom-ref']) ?? `#${pointer}`;
    if (seenRefs.has(ref)) throw bad(`${pointer}/bom-ref`, `bom-ref ${JSON.stringify(ref)} is used twice`);
    seenRefs.add(ref);
    return {
      ref,
      name: str(c.group) ? `${str(c.group)}/${name}` : name,
      version: str(c.version),
      purl,
      type: str(c.type),
      licences: licencesOf(c.licenses),
      supplier: isObject(c.supplier) ? str(c.supplier.name) : str(c.publisher),
      pointer,
    };
  };
  const walk = (list: unknown, pointer: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw bad(pointer, 'components is a list');
    list.forEach((c, i) => {
      const p = `${pointer}/${i}`;
      const component = readComponent(c, p);
      if (component) components.push(component);
      if (isObject(c)) walk(c.components, `${p}/components`);
    });
  };
  walk(bom.components, '/components');

  const dependencies: { ref: string; dependsOn: string[] }[] = [];
  if (bom.dependencies !== undefined) {
    if (!Array.isArray(bom.dependencies)) throw bad('/dependencies', 'dependencies is a list');
    bom.dependencies.forEach((d, i) => {
      const pointer = `/dependencies/${i}`;
      if (!isObject(d) || !str(d.ref)) throw bad(`${pointer}/ref`, 'a dependency entry needs a ref');
      const dependsOn = d.dependsOn === undefined ? [] : d.dependsOn;
      if (!Array.isArray(dependsOn) || dependsOn.some((x) => typeof x !== 'string'))
        throw bad(`${pointer}/dependsOn`, 'dependsOn is a list of refs');
      dependencies.push({ ref: str(d.ref)!, dependsOn: dependsOn as string[] });
    });
  }

  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const subjectComponent = isObject(metadata.component) ? metadata.component : null;
  const subject = subjectComponent
    ? {
        name: str(subjectComponent.name) ?? '(unnamed)',
        version: str(subjectComponent.version),
        purl: str(subjectComponent.purl),
        supplier: isObject(metadata.supplier)
          ? str(metadata.supplier.name)
          : isObject(subjectComponent.supplier)
            ? str(subjectComponent.supplier.name)
            : null,
      }
    : null;
  const knownRefs = new Set([
    ...seenRefs,
    ...(subjectComponent && str(subjectComponent['bom-ref']) ? [str(subjectComponent['bom-ref'])!] : []),
  ]);
  dependencies.forEach((d, i) => {
    for (const ref of [d.ref, ...d.dependsOn])
      if (!knownRefs.has(ref))
        warnings.push({
          pointer: `/dependencies/${i}`,
          message: `ref ${JSON.stringify(ref)} names no component of this BOM`,
        });
  });

  return {
    format: 'CycloneDX',
    specVersion,
    encoding,
    serialNumber: str(bom.serialNumber),
    subject,
    components,
    dependencies,
    vex: readVex(bom.vulnerabilities, bad, warnings),
    warnings,
  };
}

function licencesOf(licenses: unknown): string[] {
  if (!Array.isArray(licenses)) return [];
  return licenses.flatMap((l) => {
    if (!isObject(l)) return [];
    if (str(l.expression)) return [str(l.expression)!];
    const licence = isObject(l.license) ? l.license : null;
    const id = licence ? (str(licence.id) ?? str(licence.name)) : null;
    return id ? [id] : [];
  });
}

/** CycloneDX VEX: one statement per vulnerability × affected ref. A BOM-Link (urn:cdx:…#ref) keeps its ref part. */
function readVex(
  list: unknown,
  bad: (p: string, m: string) => ChokepointError,
  warnings: SbomWarning[],
): VexStatement[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw bad('/vulnerabilities', 'vulnerabilities is a list');
  const statements: VexStatement[] = [];
  list.forEach((v, i) => {
    const pointer = `/vulnerabilities/${i}`;
    if (!isObject(v) || !str(v.id)) throw bad(`${pointer}/id`, 'a vulnerability needs an id');
    const analysis = isObject(v.analysis) ? v.analysis : null;
    if (!analysis || !str(analysis.state)) return; // a plain vulnerability report, not a VEX statement
    const status = vexStatusOfCycloneDx(str(analysis.state)!);
    if (!status) {
      warnings.push({
        pointer: `${pointer}/analysis/state`,
        message: `unknown analysis state ${JSON.stringify(analysis.state)}`,
      });
      return;
    }
    const affects = Array.isArray(v.affects) ? v.affects : [];
    if (affects.length === 0)
      warnings.push({
        pointer: `${pointer}/affects`,
        message: 'a VEX statement without affects applies to nothing',
      });
    affects.forEach((a, j) => {
      const ref = isObject(a) ? str(a.ref) : null;
      if (!ref) throw bad(`${pointer}/affects/${j}/ref`, 'an affects entry needs a ref');
      const local =
        ref.startsWith('urn:cdx:') && ref.includes('#')
          ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1))
          : ref;
      statements.push({
        vulnId: str(v.id)!,
        ref: local.startsWith('pkg:') ? null : local,
        purl: local.startsWith('pkg:') ? local : null,
        status,
        justification: str(analysis.justification),
        detail: str(analysis.detail),
      });
    });
  });
  return statements;
}
