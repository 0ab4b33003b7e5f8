import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Manifest } from './load-kustomization';

/** What each Secret holds: declared or generated ones, and those the operators write. */
export function secretKeys(objects: Manifest[]): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (name: string, ...k: string[]) => keys.set(name, new Set(k));
  for (const o of objects) {
    const name = o.metadata.name;
    if (o.kind === 'Secret') add(name, ...Object.keys({ ...o.data, ...o.stringData }));
    // CloudNativePG: the application user's credentials and the server's authority.
    if (o.kind === 'Cluster' && o.apiVersion.startsWith('postgresql.cnpg.io/')) {
      add(`${name}-app`, 'username', 'password', 'host', 'port', 'dbname', 'uri', 'jdbc-uri');
      add(`${name}-ca`, 'ca.crt', 'ca.key');
    }
    // Strimzi: the cluster's authority, and each SCRAM user's password.
    if (o.kind === 'Kafka') add(`${name}-cluster-ca-cert`, 'ca.crt', 'ca.p12', 'ca.password');
    if (o.kind === 'KafkaUser' && o.spec?.authentication?.type?.startsWith('scram')) {
      add(name, 'password', 'sasl.jaas.config');
    }
  }
  return keys;
}

export interface ContainerEnv {
  env: Record<string, string>;
  problems: string[];
}

/**
 * The environment a container starts with, resolved as the kubelet would: ConfigMaps and
 * Secrets (values from `secretValue`), `$(VAR)` references, and secret volumes written under
 * `root` so that a variable naming a mounted file names a file that exists. Every reference to
 * a missing object or key is a problem.
 */
export function containerEnv(
  objects: Manifest[],
  deployment: Manifest,
  secretValue: (secret: string, key: string) => string,
  root: string,
): ContainerEnv {
  const problems: string[] = [];
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const configMaps = new Map(
    objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o.data ?? {}]),
  );
  const secrets = secretKeys(objects);
  const where = `Deployment ${deployment.metadata.name}`;
  const fromConfigMap = (name: string, key: string) => {
    const value = configMaps.get(name)?.[key];
    if (value === undefined) problems.push(`${where}: ConfigMap ${name} has no key ${key}`);
    return value;
  };
  const fromSecret = (name: string, key: string) => {
    if (!secrets.get(name)?.has(key)) {
      problems.push(`${where}: Secret ${name} has no key ${key}`);
      return undefined;
    }
    return secretValue(name, key);
  };

  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    const data = configMaps.get(name);
    if (!data) problems.push(`${where}: no ConfigMap ${name}`);
    else Object.assign(env, data);
  }
  for (const v of container.env ?? []) {
    const ref = v.valueFrom?.configMapKeyRef ?? v.valueFrom?.secretKeyRef;
    const value = v.valueFrom?.configMapKeyRef
      ? fromConfigMap(ref.name, ref.key)
      : ref
        ? fromSecret(ref.name, ref.key)
        : String(v.value).replace(
            /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
            (all, name) => env[name] ?? all,
          );
    if (value !== undefined) env[v.name] = value;
  }

  const mounts: [string, string][] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = (pod.volumes ?? []).find((vol: any) => vol.name === mount.name);
    if (!volume) problems.push(`${where}: volume ${mount.name} is mounted but not declared`);
    const secret = volume?.secret;
    if (!secret) continue;
    mounts.push([mount.mountPath, join(root, mount.mountPath)]);
    for (const item of secret.items ?? []) {
      const value = fromSecret(secret.secretName, item.key);
      const file = join(root, mount.mountPath, item.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, value ?? '');
    }
  }
  // Paths into a mounted volume point at the copy written under `root`.
  for (const [name, value] of Object.entries(env)) {
    const mount = mounts.find(([path]) => value.startsWith(`${path}/`));
    if (mount) env[name] = mount[1] + value.slice(mount[0].length);
  }
  return { env, problems };
}
