import type { Marking } from '../../components/MarkingBadge.tsx';

/** A dataset as GET /api/datasets returns it (provenance and marking). */
export interface Dataset {
  id: string;
  kind: string;
  title: string;
  publisher: string;
  url?: string;
  version: string;
  licence?: string;
  source: string;
  retrievedAt: string;
  synthetic: boolean;
  rows: number;
  files: { name: string; sha256: string; bytes: number }[];
  marking: Marking;
}

/** A dataset the server knows how to fetch (GET /api/dataset-manifests). */
export interface DatasetManifest {
  id: string;
  title: string;
  titleJa: string;
  publisher: string;
  version: string;
  licence: string;
  files: number;
  bytes: number;
  fetchable: boolean;
  present: boolean;
}

/** A long operation (POST /api/jobs, GET /api/jobs/:id); progress null = not known. */
export interface Job {
  id: string;
  kind: 'fetch' | 'synth' | 'screen-all';
  params: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number | null;
  stage: string | null;
  error: { code: string; message: string } | null;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}
