import { ChokepointError } from '../../errors.ts';
import { parsePurl, PurlError } from '../../analysis/cyber/purl.ts';
import type { SbomComponent, SbomDocument, SbomWarning } from './sbomDocument.ts';

/**
 * SPDX documents as SBOMs: SPDX 2.2 and 2.3 JSON (spdx.github.io/spdx-spec/v2.3: `packages[]` with SPDXID,
 * name, versionInfo, licenseConcluded/licenseDeclared, supplier, and the purl in `externalRefs[]` of category
 * PACKAGE-MANAGER, type purl; `relationships[]`) and SPDX 3.0 JSON-LD (spdx.github.io/spdx-spec/v3.0.1:
 * `@graph` elements of type software_Package with software_packageVersion, software_packageUrl or an
 * externalIdentifier of type packageUrl; Relationship elements `from`/`to`).
 *
 * Dependency edges: DEPENDS_ON, CONTAINS and the *_LINK types point from the dependent to the dependency; every
 * *_DEPENDENCY_OF and DEPENDENCY_OF points the other way (SPDX 2.3 §11.1 relationship types). SPDX 3.0:
 * dependsOn, contains, hasDynamicLink, hasStaticLink (and the lifecycle-scoped forms).
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' && v !== 'NOASSERTION' && v !== 'NONE' ? v.trim() : null;

const forward2 = new Set(['DEPENDS_ON', 'CONTAINS', 'DYNAMIC_LINK', 'STATIC_LINK']);
const forward3 = new Set(['dependsOn', 'contains', 'hasDynamicLink', 'hasStaticLink']);

export function readSpdx(doc: unknown, file: string): SbomDocument {
  const bad = (pointer: string, message: string) =>
    new ChokepointError('bad_file', `${message} (at ${pointer || '/'})`, { file, field: pointer || '/' });
  if (!isObject(doc)) throw bad('', 'an SPDX document is a JSON object');
  if (Array.isArray(doc['@graph'])) return readSpdx3(doc, bad);
  const version = String(doc.spdxVersion ?? '');
  if (!/^SPDX-2\.[23]$/.test(version))
    throw bad(
      '/spdxVersion',
      `spdxVersion ${JSON.stringify(doc.spdxVersion)} is not SPDX-2.2 or SPDX-2.3 (or a 3.0 @graph)`,
    );
  const warnings: SbomWarning[] = [];
  if (!Array.isArray(doc.packages)) throw bad('/packages', 'an SBOM in SPDX lists its packages');
  const components: SbomComponent[] = [];
  const refs = new Set<string>();
  doc.packages.forEach((p, i) => {
    const pointer = `/packages/${i}`;
    if (!isObject(p)) throw bad(pointer, 'a package is an object');
    const ref = str(p.SPDXID);
    if (!ref) throw bad(`${pointer}/SPDXID`, 'a package needs an SPDXID');
    if (refs.has(ref)) throw bad(`${pointer}/SPDXID`, `SPDXID ${ref} is used twice`);
    refs.add(ref);
    const name = str(p.name);
    if (!name) throw bad(`${pointer}/name`, 'a package needs a name');
    const purls = (Array.isArray(p.externalRefs) ? p.externalRefs : [])
      .filter((r): r is Json => isObject(r) && r.referenceType === 'purl')
      .map((r) => str(r.referenceLocator))
      .filter((r): r is string => r !== null);
    const purl = checkedPurl(purls[0] ?? null, name, pointer, warnings);
    components.push({
      ref,
      name,
      version: str(p.versionInfo),
      purl,
      type: str(p.primaryPackagePurpose),
      licences: [str(p.licenseConcluded), str(p.licenseDeclared)].filter(
        (l, k, all): l is string => l !== null && all.indexOf(l) === k,
      ),
      supplier: str(p.supplier)?.replace(/^(Organization|Person):\s*/, '') ?? null,
      pointer,
    });
  });
  const edges = new Map<string, Set<string>>();
  const addEdge = (from: string, to: string) => {
    if (!refs.has(from) || !refs.has(to)) return;
    const set = edges.get(from) ?? new Set<string>();
    set.add(to);
    edges.set(from, set);
  };
  (Array.isArray(doc.relationships) ? doc.relationships : []).forEach((r, i) => {
    if (!isObject(r)) throw bad(`/relationships/${i}`, 'a relationship is an object');
    const type = String(r.relationshipType ?? '');
    const a = String(r.spdxElementId ?? '');
    const b = String(r.relatedSpdxElement ?? '');
    if (forward2.has(type)) addEdge(a, b);
    else if (type.endsWith('DEPENDENCY_OF')) addEdge(b, a);
  });
  const described = new Set<string>([
    ...(Array.isArray(doc.documentDescribes) ? doc.documentDescribes.map(String) : []),
    ...(Array.isArray(doc.relationships) ? doc.relationships : [])
      .filter(
        (r): r is Json =>
          isObject(r) && r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT',
      )
      .map((r) => String(r.relatedSpdxElement)),
  ]);
  const subject = components.find((c) => described.has(c.ref));
  return {
    format: 'SPDX',
    specVersion: version.slice('SPDX-'.length),
    encoding: 'json',
    serialNumber: str(doc.documentNamespace),
    subject: subject
      ? { name: subject.name, version: subject.version, purl: subject.purl, supplier: subject.supplier }
      : null,
    components,
    dependencies: [...edges].map(([ref, to]) => ({ ref, dependsOn: [...to] })),
    vex: [],
    warnings,
  };
}

function checkedPurl(
  purl: string | null,
  name: string,
  pointer: string,
  warnings: SbomWarning[],
): string | null {
  if (!purl) {
    warnings.push({
      pointer,
      message: `package ${JSON.stringify(name)} has no purl: its vulnerabilities cannot be looked up`,
    });
    return null;
  }
  try {
    parsePurl(purl);
    return purl;
  } catch (error) {
    if (!(error instanceof PurlError)) throw error;
    warnings.push({ pointer, message: `bad purl ${JSON.stringify(purl)}: ${error.message}` });
    return null;
  }
}

function readSpdx3(doc: Json, bad: (p: string, m: string) => ChokepointError): SbomDocument {
  const graph = doc['@graph'] as unknown[];
  const context = JSON.stringify(doc['@context'] ?? '');
  if (!context.includes('spdx.org/rdf/3.0')) throw bad('/@context', 'not an SPDX 3.0 JSON-LD document');
  const warnings: SbomWarning[] = [];
  const components: SbomComponent[] = [];
  const refs = new Set<string>();
  const names = new Map<string, string>();
  graph.forEach((e) => {
    if (isObject(e) && (e.type === 'Organization' || e.type === 'Person') && str(e.spdxId) && str(e.name))
      names.set(str(e.spdxId)!, str(e.name)!);
  });
  graph.forEach((e, i) => {
    if (!isObject(e) || e.type !== 'software_Package') return;
    const pointer = `/@graph/${i}`;
    const ref = str(e.spdxId);
    const name = str(e.name);
    if (!ref) throw bad(`${pointer}/spdxId`, 'a package needs an spdxId');
    if (!name) throw bad(`${pointer}/name`, 'a package needs a name');
    refs.add(ref);
    const identifiers = (Array.isArray(e.externalIdentifier) ? e.externalIdentifier : [])
      .filter((x): x is Json => isObject(x) && x.externalIdentifierType === 'packageUrl')
      .map((x) => str(x.identifier));
    const purl = checkedPurl(
      str(e.software_packageUrl) ?? identifiers.find((x) => x !== null) ?? null,
      name,
      pointer,
      warnings,
    );
    components.push({
      ref,
      name,
      version: str(e.software_packageVersion),
      purl,
      type: str(e.software_primaryPurpose),
      licences: [],
      supplier: str(e.suppliedBy) ? (names.get(str(e.suppliedBy)!) ?? null) : null,
      pointer,
    });
  });
  const edges = new Map<string, Set<string>>();
  let subjectRef: string | null = null;
  for (const e of graph) {
    if (!isObject(e) || (e.type !== 'Relationship' && e.type !== 'LifecycleScopedRelationship')) continue;
    const from = str(e.from);
    const to = Array.isArray(e.to) ? e.to.map(String) : [];
    if (e.relationshipType === 'describes' && to[0]) subjectRef = to[0];
    if (!from || !forward3.has(String(e.relationshipType))) continue;
    for (const t of to) {
      if (!refs.has(from) || !refs.has(t)) continue;
      const set = edges.get(from) ?? new Set<string>();
      set.add(t);
      edges.set(from, set);
    }
  }
  const subject = components.find((c) => c.ref === subjectRef);
  return {
    format: 'SPDX',
    specVersion: '3.0',
    encoding: 'json',
    serialNumber: null,
    subject: subject
      ? { name: subject.name, version: subject.version, purl: subject.purl, supplier: subject.supplier }
      : null,
    components,
    dependencies: [...edges].map(([ref, to]) => ({ ref, dependsOn: [...to] })),
    vex: [],
    warnings,
  };
}
