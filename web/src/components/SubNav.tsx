import { href } from '../router/router.ts';
import './subnav.css';

/**
 * A view's own links to its sub-pages under the heading (#/<view>, #/<view>/<sub>): `links` as [sub, label], the
 * view's first page under ''. The current one is marked for assistive technology and in bold.
 */
export function SubNav({
  view,
  current,
  label,
  links,
}: {
  view: string;
  current: string;
  label: string;
  links: readonly (readonly [string, string])[];
}) {
  return (
    <nav className="subnav" aria-label={label}>
      {links.map(([path, text]) => (
        <a
          key={path}
          href={href(path ? [view, path] : [view])}
          aria-current={current === path ? 'page' : undefined}
        >
          {text}
        </a>
      ))}
    </nav>
  );
}
