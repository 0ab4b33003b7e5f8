import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as written: enough structure to find its kind, name and contents. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: any;
}

interface Generator {
  name: string;
  behavior?: 'create' | 'merge' | 'replace';
  files?: string[];
  literals?: string[];
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  configMapGenerator?: Generator[];
  secretGenerator?: Generator[];
}

/** Every YAML document of a file, empty ones (a trailing `---`) left out. */
export function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);
}

/**
 * The objects a kustomization renders, as far as these manifests use kustomize: resources
 * (files and directories), the namespace, and generated ConfigMaps and Secrets. Secrets from
 * files get their keys but not the files' contents: those are made per environment.
 */
export function loadKustomization(dir: string): Manifest[] {
  const k = readManifests(join(dir, 'kustomization.yaml'))[0] as unknown as Kustomization;
  const objects: Manifest[] = [];
  for (const resource of k.resources ?? []) {
    const path = join(dir, resource);
    objects.push(...(statSync(path).isDirectory() ? loadKustomization(path) : readManifests(path)));
  }
  for (const g of k.configMapGenerator ?? []) generate(objects, 'ConfigMap', g);
  for (const g of k.secretGenerator ?? []) generate(objects, 'Secret', g);
  if (k.namespace) {
    for (const o of objects) if (o.kind !== 'Namespace') o.metadata.namespace = k.namespace;
  }
  return objects;
}

function generate(objects: Manifest[], kind: 'ConfigMap' | 'Secret', g: Generator): void {
  const data: Record<string, string> = {};
  for (const literal of g.literals ?? []) {
    const at = literal.indexOf('=');
    data[literal.slice(0, at)] = literal.slice(at + 1);
  }
  for (const file of g.files ?? []) {
    const [key, path] = file.includes('=') ? file.split('=') : [basename(file), file];
    const contents = `contents of ${join(dirname(path), basename(path))}`;
    // A Secret's data is base64, as kustomize writes it.
    data[key] = kind === 'Secret' ? Buffer.from(contents).toString('base64') : contents;
  }
  const existing = objects.find((o) => o.kind === kind && o.metadata.name === g.name);
  if (g.behavior === 'merge' || g.behavior === 'replace') {
    if (!existing) throw new Error(`${kind} ${g.name}: nothing to ${g.behavior} in the base`);
    existing.data = g.behavior === 'merge' ? { ...existing.data, ...data } : data;
    return;
  }
  if (existing) throw new Error(`${kind} ${g.name} is generated and also declared`);
  objects.push({ apiVersion: 'v1', kind, metadata: { name: g.name }, data });
}
