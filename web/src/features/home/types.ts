import type { ApiResponse } from '../../api/schema.ts';

/** A dataset as GET /api/datasets returns it (provenance and marking). */
export type Dataset = ApiResponse<'GET /api/datasets'>['items'][number];

/** A dataset the server knows how to fetch (GET /api/dataset-manifests). */
export type DatasetManifest = ApiResponse<'GET /api/dataset-manifests'>['items'][number];

/** A long operation (POST /api/jobs, GET /api/jobs/:id); progress null = not known. */
export type Job = ApiResponse<'GET /api/jobs/{id}'>;
