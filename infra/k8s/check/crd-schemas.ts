/**
 * The operators' resources have no schema package on the registries we use, so these are the
 * fields each operator requires (from its CRD) plus the ones this deployment depends on.
 */
const obj = (properties: object, required: string[] = []) => ({
  type: 'object',
  required,
  properties,
});
const withSpec = (spec: object) => obj({ spec }, ['spec']);
/** A Strimzi resource other than the Kafka itself names its cluster in a label. */
const ofKafkaCluster = (spec: object) =>
  obj({ metadata: obj({ labels: obj({}, ['strimzi.io/cluster']) }, ['labels']), spec }, [
    'metadata',
    'spec',
  ]);
const integer = (minimum: number, maximum?: number) => ({
  type: 'integer',
  minimum,
  ...(maximum !== undefined && { maximum }),
});
const quantity = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|m)?$' };
const LISTENER_TYPES = ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'];

export const CRD_SCHEMAS: Record<string, object> = {
  'kafka.strimzi.io/v1beta2/Kafka': withSpec(
    obj(
      {
        kafka: obj(
          {
            version: { type: 'string' },
            listeners: {
              type: 'array',
              minItems: 1,
              items: obj(
                {
                  name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
                  port: integer(9092),
                  type: { enum: LISTENER_TYPES },
                  tls: { type: 'boolean' },
                },
                ['name', 'port', 'type', 'tls'],
              ),
            },
            config: { type: 'object' },
          },
          ['listeners'],
        ),
      },
      ['kafka'],
    ),
  ),
  'kafka.strimzi.io/v1beta2/KafkaNodePool': ofKafkaCluster(
    obj(
      {
        replicas: integer(0),
        roles: { type: 'array', minItems: 1, items: { enum: ['controller', 'broker'] } },
        storage: obj({}, ['type']),
      },
      ['replicas', 'roles', 'storage'],
    ),
  ),
  'kafka.strimzi.io/v1beta2/KafkaTopic': ofKafkaCluster(
    obj({
      topicName: { type: 'string' },
      partitions: integer(1),
      replicas: integer(1, 32767),
      config: { type: 'object' },
    }),
  ),
  'kafka.strimzi.io/v1beta2/KafkaUser': ofKafkaCluster(
    obj({
      authentication: obj({}, ['type']),
      authorization: obj({ acls: { type: 'array', items: obj({}, ['resource', 'operations']) } }, [
        'type',
        'acls',
      ]),
    }),
  ),
  'postgresql.cnpg.io/v1/Cluster': withSpec(
    obj(
      {
        instances: integer(1),
        storage: obj({ size: quantity }, ['size']),
        walStorage: obj({ size: quantity }, ['size']),
      },
      ['instances', 'storage'],
    ),
  ),
  'monitoring.coreos.com/v1/PodMonitor': withSpec(
    obj({ podMetricsEndpoints: { type: 'array', items: obj({}, ['port']) } }, ['selector']),
  ),
};
