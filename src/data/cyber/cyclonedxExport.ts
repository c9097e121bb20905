import { randomUUID } from 'node:crypto';
import type { Marking } from '../../analysis/marking.ts';
import type { AssessmentScore } from '../../analysis/cyber/starScore.ts';
import type { Framework } from '../../analysis/cyber/framework.ts';
import type { SbomSummary, StoredComponent } from './sbomStore.ts';

/**
 * A stored SBOM written back as CycloneDX 1.6 JSON, with a ★ self-assessment attached as an attestation in
 * `declarations` (CycloneDX 1.6 "Attestations" / CDXA: `declarations.assessors`, `attestations[].map[]` linking
 * each `requirement` of `definitions.standards[]` to the `claims` made, with `conformance.score` 0–1 and
 * `confidence`). The marking is written into `metadata.properties` (chokepoint:marking) as the file carries it.
 */
export function cyclonedxWithAttestation(input: {
  sbom: SbomSummary;
  components: StoredComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
  marking: Marking;
  assessment?: {
    id: string;
    organisationId: string;
    framework: Framework;
    score: AssessmentScore;
    answers: Record<string, { answer: string; comment?: string }>;
  };
  now?: Date;
}): Record<string, unknown> {
  const { sbom, components, dependencies, marking, assessment } = input;
  const bom: Record<string, unknown> = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: (input.now ?? new Date()).toISOString(),
      tools: { components: [{ type: 'application', name: 'chokepoint' }] },
      component: {
        type: 'application',
        'bom-ref': 'chokepoint:subject',
        name: sbom.name,
        ...(sbom.version ? { version: sbom.version } : {}),
      },
      properties: [
        { name: 'chokepoint:marking', value: JSON.stringify(marking) },
        { name: 'chokepoint:sbom', value: sbom.id },
        { name: 'chokepoint:source-format', value: `${sbom.format} ${sbom.specVersion}` },
      ],
    },
    components: components.map((c) => ({
      type:
        c.type &&
        [
          'application',
          'framework',
          'library',
          'container',
          'platform',
          'operating-system',
          'device',
          'device-driver',
          'firmware',
          'file',
          'machine-learning-model',
          'data',
          'cryptographic-asset',
        ].includes(c.type)
          ? c.type
          : 'library',
      'bom-ref': c.ref,
      name: c.name,
      ...(c.version ? { version: c.version } : {}),
      ...(c.purl ? { purl: c.purl } : {}),
      ...(c.licences.length
        ? {
            licenses: c.licences.map((l) =>
              /\s(AND|OR|WITH)\s/.test(l) ? { expression: l } : { license: { name: l } },
            ),
          }
        : {}),
      ...(c.supplier ? { supplier: { name: c.supplier } } : {}),
    })),
    dependencies: dependencies.map((d) => ({ ref: d.ref, dependsOn: d.dependsOn })),
  };
  if (!assessment) return bom;
  const { framework, score, answers } = assessment;
  const standardRef = `standard:${framework.id}`;
  const requirementRef = (id: string) => `${standardRef}:req:${id}`;
  const answered = framework.requirements.filter((r) => answers[r.id]);
  bom.definitions = {
    standards: [
      {
        'bom-ref': standardRef,
        name: framework.title.en ?? framework.title.ja ?? framework.id,
        version: framework.version,
        owner: framework.publisher,
        requirements: framework.requirements.map((r) => ({
          'bom-ref': requirementRef(r.id),
          identifier: r.id,
          text: r.text.en ?? r.text.ja ?? '',
          ...(r.text.ja ? { descriptions: [r.text.ja] } : {}),
        })),
        levels: framework.levels.map((l) => ({
          'bom-ref': `${standardRef}:level:${l.id}`,
          identifier: l.id,
          title: l.name.en ?? l.name.ja ?? l.id,
          requirements: framework.requirements
            .filter((r) => framework.levels.find((x) => x.id === r.level)!.rank <= l.rank)
            .map((r) => requirementRef(r.id)),
        })),
      },
    ],
  };
  bom.declarations = {
    assessors: [
      { 'bom-ref': 'assessor:self', thirdParty: false, organization: { name: assessment.organisationId } },
    ],
    attestations: [
      {
        summary: `Self-assessment ${assessment.id} against ${framework.id}: level reached ${score.level ?? 'none'}`,
        assessor: 'assessor:self',
        map: answered.map((r) => ({
          requirement: requirementRef(r.id),
          claims: [`claim:${r.id}`],
          conformance: {
            score: answers[r.id].answer === 'implemented' ? 1 : answers[r.id].answer === 'partial' ? 0.5 : 0,
            rationale: answers[r.id].answer,
          },
          confidence: { score: 1, rationale: 'self-assessment' },
        })),
      },
    ],
    claims: answered.map((r) => ({
      'bom-ref': `claim:${r.id}`,
      target: 'chokepoint:subject',
      predicate: `${r.id}: ${answers[r.id].answer}`,
      ...(answers[r.id].comment ? { reasoning: answers[r.id].comment } : {}),
    })),
  };
  return bom;
}
