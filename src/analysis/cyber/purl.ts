/**
 * Package URLs (purl specification, github.com/package-url/purl-spec, PURL-SPECIFICATION.rst, "How to parse a
 * purl string in its components"): `pkg:type/namespace/name@version?qualifiers#subpath`. Parsing follows the
 * spec's steps from the right: subpath after `#`, qualifiers after `?`, the `pkg:` scheme, the type up to the
 * first `/`, the version after the last `@`, the name after the last `/`, the namespace before it; every
 * component percent-decoded. Type-specific rules (PURL-TYPES.rst): the type is lower-case; `pypi` names are
 * lower-cased with `_` read as `-`; `npm` names lower-case; `github`/`bitbucket` namespace and name lower-case.
 */
export interface Purl {
  type: string;
  namespace: string | null;
  name: string;
  version: string | null;
  qualifiers: Record<string, string>;
  subpath: string | null;
}

export class PurlError extends Error {}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new PurlError(`${what} "${part}" has a bad percent-encoding`);
  }
}

export function parsePurl(text: string): Purl {
  let rest = text.trim();
  if (rest === '') throw new PurlError('empty purl');
  let subpath: string | null = null;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    const segments = rest
      .slice(hash + 1)
      .split('/')
      .filter((s) => s !== '' && s !== '.' && s !== '..')
      .map((s) => decode(s, 'subpath'));
    subpath = segments.length ? segments.join('/') : null;
    rest = rest.slice(0, hash);
  }
  const qualifiers: Record<string, string> = {};
  const question = rest.lastIndexOf('?');
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new PurlError(`qualifier "${pair}" is not key=value`);
      const key = pair.slice(0, eq).toLowerCase();
      if (!/^[a-z.\-_][a-z0-9.\-_]*$/.test(key)) throw new PurlError(`qualifier key "${key}" is not allowed`);
      const value = decode(pair.slice(eq + 1), `qualifier ${key}`);
      if (value !== '') qualifiers[key] = value;
    }
    rest = rest.slice(0, question);
  }
  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg')
    throw new PurlError('a purl starts with the scheme "pkg:"');
  rest = rest.slice(colon + 1).replace(/^\/+|\/+$/g, '');
  const slash = rest.indexOf('/');
  if (slash <= 0) throw new PurlError('a purl needs a type and a name (pkg:type/name)');
  const type = rest.slice(0, slash).toLowerCase();
  if (!/^[a-z.+-][a-z0-9.+-]*$/.test(type)) throw new PurlError(`type "${type}" is not allowed`);
  rest = rest.slice(slash + 1);
  let version: string | null = null;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    version = decode(rest.slice(at + 1), 'version');
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/').filter((s) => s !== '');
  if (segments.length === 0) throw new PurlError('a purl needs a name');
  let name = decode(segments.pop()!, 'name');
  let namespace: string | null = segments.length
    ? segments.map((s) => decode(s, 'namespace')).join('/')
    : null;
  if (type === 'pypi') name = name.toLowerCase().replaceAll('_', '-');
  if (type === 'npm') name = name.toLowerCase();
  if (type === 'github' || type === 'bitbucket') {
    name = name.toLowerCase();
    namespace = namespace?.toLowerCase() ?? null;
  }
  return { type, namespace, name, version: version === '' ? null : version, qualifiers, subpath };
}

/**
 * The OSV ecosystem and package name a purl denotes (OSV schema, "affected[].package": ecosystem names and the
 * name conventions: npm `@scope/name`, Maven `groupId:artifactId`, Go module path, PyPI name normalised per
 * PEP 503, Packagist `vendor/name`). Debian records name the source package while a `deb` purl usually names
 * the binary package: the two agree only when the binary is named like its source (docs/cyber.md). Undefined
 * for types OSV has no ecosystem for.
 */
export function osvPackageOf(purl: Purl): { ecosystem: string; name: string } | undefined {
  const ns = purl.namespace;
  switch (purl.type) {
    case 'npm':
      return { ecosystem: 'npm', name: ns ? `${ns.toLowerCase()}/${purl.name}` : purl.name };
    case 'pypi':
      return { ecosystem: 'PyPI', name: purl.name.toLowerCase().replace(/[-_.]+/g, '-') };
    case 'maven':
      return ns ? { ecosystem: 'Maven', name: `${ns.replaceAll('/', '.')}:${purl.name}` } : undefined;
    case 'golang':
      return { ecosystem: 'Go', name: ns ? `${ns}/${purl.name}` : purl.name };
    case 'cargo':
      return { ecosystem: 'crates.io', name: purl.name };
    case 'nuget':
      return { ecosystem: 'NuGet', name: purl.name };
    case 'gem':
      return { ecosystem: 'RubyGems', name: purl.name };
    case 'composer':
      return { ecosystem: 'Packagist', name: ns ? `${ns}/${purl.name}` : purl.name };
    case 'deb': {
      const base = ns?.toLowerCase() === 'ubuntu' ? 'Ubuntu' : 'Debian';
      return { ecosystem: base, name: purl.name };
    }
    default:
      return undefined;
  }
}
