import Ajv from 'ajv';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { CRD_SCHEMAS } from './crd-schemas';
import { Manifest } from './load-kustomization';

const ajv = new Ajv({ allErrors: true, strict: false });
const crdValidators = Object.fromEntries(
  Object.entries(CRD_SCHEMAS).map(([type, schema]) => [type, ajv.compile(schema)]),
);

type Model = new (data: object) => { validate(): void };
/** The API groups the deployment uses, with Kubernetes' own OpenAPI schemas. */
const MODELS: Record<string, Record<string, unknown>> = {
  v1: core,
  'apps/v1': apps,
  'autoscaling/v2': autoscaling,
  'batch/v1': batch,
  'networking.k8s.io/v1': networking,
  'policy/v1': policy,
};

/**
 * Checks one object against its schema: Kubernetes' own OpenAPI schemas (kubernetes-models)
 * for built-in kinds, the operators' required fields for their resources. Answers the faults.
 */
export function schemaProblems(m: Manifest): string[] {
  const what = `${m.kind} ${m.metadata?.name}`;
  const Model = MODELS[m.apiVersion]?.[m.kind] as Model | undefined;
  if (Model) {
    try {
      new Model(m).validate();
      return [];
    } catch (e) {
      return [`${what}: ${(e as Error).message}`];
    }
  }
  const validate = crdValidators[`${m.apiVersion}/${m.kind}`];
  if (!validate) return [`${what}: no schema known for ${m.apiVersion} ${m.kind}`];
  if (validate(m)) return [];
  return (validate.errors ?? []).map((e) => `${what}: ${e.instancePath || '/'} ${e.message}`);
}
