import type { VexStatement } from '../../analysis/cyber/vex.ts';

/**
 * An SBOM as chokepoint keeps it, whatever the file format: the component inventory (name, version, purl,
 * licences, supplier), the dependency tree (who depends on whom, by component ref) and the VEX statements the
 * file carried. Warnings name the place (JSON pointer or XML path) of what could not be used, e.g. a component
 * without a purl, whose vulnerabilities cannot be looked up.
 */
export interface SbomComponent {
  /** The component's id inside the document (CycloneDX bom-ref, SPDX SPDXID); made up from the position when absent. */
  ref: string;
  name: string;
  version: string | null;
  purl: string | null;
  type: string | null;
  licences: string[];
  supplier: string | null;
  /** Where the component is in the file (JSON pointer), for messages. */
  pointer: string;
}

export interface SbomWarning {
  pointer: string;
  message: string;
}

export interface SbomDocument {
  format: 'CycloneDX' | 'SPDX';
  /** '1.2' … '1.6' for CycloneDX, '2.2', '2.3', '3.0' for SPDX. */
  specVersion: string;
  encoding: 'json' | 'xml';
  serialNumber: string | null;
  /** The product the SBOM describes (CycloneDX metadata.component, SPDX documentDescribes). */
  subject: { name: string; version: string | null; purl: string | null; supplier: string | null } | null;
  components: SbomComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
  vex: VexStatement[];
  warnings: SbomWarning[];
}

/** Escapes one JSON pointer segment (RFC 6901 §3: ~ → ~0, / → ~1). */
export const pointerSegment = (s: string | number) => String(s).replaceAll('~', '~0').replaceAll('/', '~1');
