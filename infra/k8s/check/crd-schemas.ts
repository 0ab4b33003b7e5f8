/**
 * The operators' resources have no schema package on the registries we use, so these are the
 * fields each operator requires (from its CRD) plus the ones this deployment depends on.
 */
const clusterLabel = {
  type: 'object',
  required: ['labels'],
  properties: {
    labels: { type: 'object', required: ['strimzi.io/cluster'] },
  },
};
const quantity = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|m)?$' };

export const CRD_SCHEMAS: Record<string, object> = {
  'kafka.strimzi.io/v1beta2/Kafka': {
    type: 'object',
    required: ['spec'],
    properties: {
      spec: {
        type: 'object',
        required: ['kafka'],
        properties: {
          kafka: {
            type: 'object',
            required: ['listeners'],
            properties: {
              version: { type: 'string' },
              listeners: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  required: ['name', 'port', 'type', 'tls'],
                  properties: {
                    name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
                    port: { type: 'integer', minimum: 9092 },
                    type: {
                      enum: [
                        'internal',
                        'route',
                        'loadbalancer',
                        'nodeport',
                        'ingress',
                        'cluster-ip',
                      ],
                    },
                    tls: { type: 'boolean' },
                  },
                },
              },
              config: { type: 'object' },
            },
          },
        },
      },
    },
  },
  'kafka.strimzi.io/v1beta2/KafkaNodePool': {
    type: 'object',
    required: ['metadata', 'spec'],
    properties: {
      metadata: clusterLabel,
      spec: {
        type: 'object',
        required: ['replicas', 'roles', 'storage'],
        properties: {
          replicas: { type: 'integer', minimum: 0 },
          roles: { type: 'array', minItems: 1, items: { enum: ['controller', 'broker'] } },
          storage: { type: 'object', required: ['type'] },
        },
      },
    },
  },
  'kafka.strimzi.io/v1beta2/KafkaTopic': {
    type: 'object',
    required: ['metadata', 'spec'],
    properties: {
      metadata: clusterLabel,
      spec: {
        type: 'object',
        properties: {
          topicName: { type: 'string' },
          partitions: { type: 'integer', minimum: 1 },
          replicas: { type: 'integer', minimum: 1, maximum: 32767 },
          config: { type: 'object' },
        },
      },
    },
  },
  'kafka.strimzi.io/v1beta2/KafkaUser': {
    type: 'object',
    required: ['metadata', 'spec'],
    properties: {
      metadata: clusterLabel,
      spec: {
        type: 'object',
        properties: {
          authentication: { type: 'object', required: ['type'] },
          authorization: {
            type: 'object',
            required: ['type', 'acls'],
            properties: {
              acls: {
                type: 'array',
                items: { type: 'object', required: ['resource', 'operations'] },
              },
            },
          },
        },
      },
    },
  },
  'postgresql.cnpg.io/v1/Cluster': {
    type: 'object',
    required: ['spec'],
    properties: {
      spec: {
        type: 'object',
        required: ['instances', 'storage'],
        properties: {
          instances: { type: 'integer', minimum: 1 },
          storage: { type: 'object', required: ['size'], properties: { size: quantity } },
          walStorage: { type: 'object', required: ['size'], properties: { size: quantity } },
        },
      },
    },
  },
  'monitoring.coreos.com/v1/PodMonitor': {
    type: 'object',
    required: ['spec'],
    properties: {
      spec: {
        type: 'object',
        required: ['selector'],
        properties: {
          podMetricsEndpoints: { type: 'array', items: { type: 'object', required: ['port'] } },
        },
      },
    },
  },
};
