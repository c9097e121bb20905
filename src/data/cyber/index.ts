/**
 * Cyber and data security of the supply chain (issue 22; docs/cyber.md): SBOM files (CycloneDX 1.2–1.6 JSON and
 * XML, SPDX 2.2/2.3/3.0) and their store, the offline OSV database and the CISA KEV catalog (datasets), the
 * vulnerabilities of a stored SBOM, the components a KEV entry hits, requirement catalogues (shipped, imported,
 * CISO Assistant libraries), self-assessments, invitations, aggregates without small cells, and the CycloneDX
 * export with a ★ attestation.
 */
export * from './sbomDocument.ts';
export * from './sbomFile.ts';
export * from './sbomStore.ts';
export * from './osvDatabase.ts';
export * from './kevCatalog.ts';
export * from './sbomVulnerabilities.ts';
export * from './kevHits.ts';
export * from './frameworkFile.ts';
export * from './frameworkStore.ts';
export * from './shippedFrameworks.ts';
export * from './assessmentStore.ts';
export * from './invitationStore.ts';
export * from './cyberAggregates.ts';
export * from './cyclonedxExport.ts';
