import type { DatasetKind } from '../catalog/catalog.ts';

/**
 * A dataset manifest: what a dataset is, who publishes it, and the exact bytes chokepoint expects (SHA-256),
 * so that a fetch from the publisher or from a local mirror is verified before anything is published.
 */
export interface ManifestFile {
  /** Name inside the dataset (may include a sub-folder, e.g. industry_trends/…csv). */
  name: string;
  /** Path relative to a mirror root laid out like ../shared/data. */
  mirrorPath: string;
  /** Where this exact file (these bytes) can be downloaded; absent for extracts that exist only in mirrors. */
  url?: string;
  sha256: string;
  bytes: number;
  /** Data records after the header (CSV, also inside .gz) or features (GeoJSON). */
  rows?: number;
  /** For the 'baci', 'hs' and 'usgs' importers: false = a companion file, kept as-is in `<dataset>-files`. */
  input?: boolean;
}

/** Where a copy came from when the file is not the publisher's own (a repository at a commit). */
export interface ManifestOrigin {
  repo: string;
  commit: string;
  path?: string;
  note?: string;
}

export interface DatasetManifest {
  id: string;
  title: string;
  titleJa: string;
  publisher: string;
  /** The publisher's own page for the data. */
  url: string;
  origin: ManifestOrigin[];
  version: string;
  licence: string;
  kind: DatasetKind;
  /**
   * 'baci', 'hs', 'usgs' run that importer on the input files; 'files' copies the verified files into the store
   * for the importers that read them from there.
   */
  importer: 'baci' | 'hs' | 'usgs' | 'files';
  /**
   * For 'files': what the fetch builds from the stored files at once, so that the analyses have it without a
   * separate `data import` (src/data/fetch/deriveDataset.ts): the routable sea network, or the patent counts or
   * exports by product read from the named file.
   */
  derive?: DerivedImport;
  /** HS revision for trade data. */
  hs?: string;
  /** What the dataset holds, in one or two sentences (shown in docs/datasets.md and `data fetch --list`). */
  description: string;
  notes?: string;
  files: ManifestFile[];
}

/** An import a fetch of stored files runs (DatasetManifest.derive). */
export type DerivedImport =
  | { importer: 'sea-network' }
  | { importer: 'patents' | 'exports'; file: string }
  /** An input-output table (as `io import FILE --id ID`; a Japanese sibling `_ja.csv` is read too). */
  | { importer: 'io-table'; file: string; id: string }
  /**
   * Monthly trade series for early warning (as `ews import FILE --map … --dataset ID`): the column map, the
   * reporter and flow the file leaves implicit, the quantity unit and the value unit it is published in.
   */
  | {
      importer: 'monthly-series';
      file: string;
      id: string;
      title: string;
      map: string;
      reporter: string;
      flow: 'import' | 'export';
      unit: string;
      valueUnit: string;
    }
  /** Commodity prices (as `ews import PRICES.csv --dataset ID`, with the publisher's series list). */
  | { importer: 'prices'; file: string; seriesList: string; id: string; title: string }
  /** Screening-list versions imported in order into list `list` (src/data/exportControl/listStore.ts). */
  | { importer: 'screening-list'; list: string; versions: { file: string; version: string }[] };
