import { ChokepointError } from '../../errors.ts';

/**
 * Where a ClickHouse engine is: `clickhouse://[user[:password]@]host:port[,host:port…]/database[?cluster=NAME&secure=1]`.
 * The first host takes the queries; every listed host is one shard's server, on which the tables are created
 * (a cluster without ZooKeeper/Keeper cannot run `ON CLUSTER` DDL). One host with `cluster=` creates them with
 * `ON CLUSTER` instead (a production cluster with Keeper); no cluster: one server, plain MergeTree tables.
 */
export interface ClickHouseTarget {
  /** The URL as given, without the password: what messages name. */
  display: string;
  /** HTTP(S) base URLs, one per listed host. */
  hosts: string[];
  database: string;
  cluster?: string;
  user?: string;
  password?: string;
}

export function isClickHouseUrl(url: string): boolean {
  return /^clickhouses?:\/\//i.test(url.trim());
}

export function parseClickHouseUrl(url: string): ClickHouseTarget {
  const bad = (why: string) =>
    new ChokepointError(
      'bad_input',
      `analytics URL "${hidePassword(url)}" ${why} (expected clickhouse://host:8123/database, e.g. clickhouse://127.0.0.1:8123/chokepoint)`,
      { field: 'analytics' },
    );
  const m = /^(clickhouses?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)\/([^/?#]+)(?:\?([^#]*))?$/i.exec(url.trim());
  if (!m) throw bad('is not a ClickHouse URL');
  const [, scheme, user, password, hostList, database, query] = m;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw bad(`names the database "${database}", which is not a plain name`);
  const options = new URLSearchParams(query ?? '');
  for (const key of options.keys()) {
    if (key !== 'cluster' && key !== 'secure') throw bad(`has an unknown option "${key}"`);
  }
  const cluster = options.get('cluster') ?? undefined;
  if (cluster !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(cluster)) throw bad(`names the cluster "${cluster}", which is not a plain name`);
  const secure = scheme.toLowerCase() === 'clickhouses' || options.get('secure') === '1';
  const hosts = hostList.split(',').map((h) => {
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(h)) throw bad(`has the host "${h}", which is not host:port`);
    return `${secure ? 'https' : 'http'}://${h}`;
  });
  if (hosts.length > 1 && !cluster) throw bad('lists several hosts (one per shard) but names no cluster (?cluster=NAME)');
  return {
    display: hidePassword(url.trim()),
    hosts,
    database,
    cluster,
    user: user ? decodeURIComponent(user) : undefined,
    password: password ? decodeURIComponent(password) : undefined,
  };
}

function hidePassword(url: string): string {
  return url.replace(/^(clickhouses?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}
