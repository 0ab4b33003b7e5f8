import { bool, checkEnv, EnvSpec, maybe, oneOf, readEnv, str } from './env';
import { readEnvFile, readSecret } from './env-files';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512', 'plain'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** How every Kafka client of the process connects: TLS (PEM text from files) and SASL. */
export interface KafkaSecurity {
  /** Present when connections use TLS; an absent `ca` trusts the system's authorities. */
  tls?: { ca?: string; cert?: string; key?: string };
  sasl?: KafkaSasl;
}

/** One object type per mechanism, as client libraries type their SASL options. */
export type KafkaSasl = {
  [M in KafkaSaslMechanism]: { mechanism: M; username: string; password: string };
}[KafkaSaslMechanism];

interface KafkaSecurityVars {
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string;
  KAFKA_SSL_CERT_FILE?: string;
  KAFKA_SSL_KEY_FILE?: string;
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_USERNAME_FILE?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SASL_PASSWORD_FILE?: string;
}

const optional = maybe(str());
const SPEC: EnvSpec<KafkaSecurityVars> = {
  KAFKA_SSL: bool(false),
  KAFKA_SSL_CA_FILE: optional,
  KAFKA_SSL_CERT_FILE: optional,
  KAFKA_SSL_KEY_FILE: optional,
  KAFKA_SASL_MECHANISM: maybe(oneOf(KAFKA_SASL_MECHANISMS)),
  KAFKA_SASL_USERNAME: optional,
  KAFKA_SASL_USERNAME_FILE: optional,
  KAFKA_SASL_PASSWORD: optional,
  KAFKA_SASL_PASSWORD_FILE: optional,
};
type Problem = (message: string) => void;

/** Reads the KAFKA_SSL* and KAFKA_SASL_* variables; a half-made setting stops start-up. */
export function readKafkaSecurity(env: NodeJS.ProcessEnv = process.env): KafkaSecurity {
  const vars = readEnv(SPEC, env);
  return checkEnv((problem) => {
    const tls = kafkaTls(vars, problem);
    const sasl = kafkaSasl(vars, problem);
    return { ...(tls && { tls }), ...(sasl && { sasl }) };
  });
}

let fromProcess: KafkaSecurity | undefined;

/** This process's setting, read once, so that every client connects the same way. */
export function kafkaSecurity(): KafkaSecurity {
  return (fromProcess ??= readKafkaSecurity());
}

function kafkaTls(vars: KafkaSecurityVars, problem: Problem): KafkaSecurity['tls'] {
  const files = {
    ca: ['KAFKA_SSL_CA_FILE', vars.KAFKA_SSL_CA_FILE],
    cert: ['KAFKA_SSL_CERT_FILE', vars.KAFKA_SSL_CERT_FILE],
    key: ['KAFKA_SSL_KEY_FILE', vars.KAFKA_SSL_KEY_FILE],
  } as const;
  if (!vars.KAFKA_SSL) {
    for (const [name, file] of Object.values(files)) {
      if (file !== undefined) problem(`${name} is set but KAFKA_SSL is not true`);
    }
    return undefined;
  }
  if ((vars.KAFKA_SSL_CERT_FILE === undefined) !== (vars.KAFKA_SSL_KEY_FILE === undefined)) {
    problem('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together: mutual TLS needs both');
  }
  const tls: NonNullable<KafkaSecurity['tls']> = {};
  for (const option of ['ca', 'cert', 'key'] as const) {
    const [name, file] = files[option];
    const pem = readEnvFile(name, file, problem);
    if (pem !== undefined) tls[option] = pem;
  }
  return tls;
}

function kafkaSasl(vars: KafkaSecurityVars, problem: Problem): KafkaSecurity['sasl'] {
  const secret = (name: 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD') =>
    readSecret(name, vars[name], vars[`${name}_FILE`], problem);
  const username = secret('KAFKA_SASL_USERNAME');
  const password = secret('KAFKA_SASL_PASSWORD');
  const mechanism = vars.KAFKA_SASL_MECHANISM;
  if (!mechanism) {
    if (username !== undefined)
      problem('KAFKA_SASL_USERNAME is set but KAFKA_SASL_MECHANISM is not');
    if (password !== undefined)
      problem('KAFKA_SASL_PASSWORD is set but KAFKA_SASL_MECHANISM is not');
    return undefined;
  }
  const needs = (name: string) =>
    problem(`${name} (or ${name}_FILE) is required with KAFKA_SASL_MECHANISM=${mechanism}`);
  if (!username) needs('KAFKA_SASL_USERNAME');
  if (!password) needs('KAFKA_SASL_PASSWORD');
  // PLAIN sends the password itself: only TLS keeps it off the wire.
  if (mechanism === 'plain' && !vars.KAFKA_SSL) {
    problem('KAFKA_SASL_MECHANISM=plain sends the password in clear text: set KAFKA_SSL=true');
  }
  return username && password ? { mechanism, username, password } : undefined;
}
