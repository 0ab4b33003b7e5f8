import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';

/** PEM or JWK text, as `SERVICE_SIGNING_KEY` / `SERVICE_VERIFY_KEY` hold it. */
type KeyText = string;

/** The private key a calling service signs its credentials with. */
export function readSigningKey(text: KeyText, name = 'SERVICE_SIGNING_KEY'): KeyObject {
  return ed25519(() => createPrivateKey(keyInput(text)), 'private', name);
}

/** The public key a receiving service checks credentials against. */
export function readVerifyKey(text: KeyText, name = 'SERVICE_VERIFY_KEY'): KeyObject {
  return ed25519(() => createPublicKey(keyInput(text)), 'public', name);
}

/** A fresh pair as PEM, for local runs and tests (one per run, given to every process). */
export function generateServiceKeyPair(): { signingKey: string; verifyKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    verifyKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function keyInput(text: KeyText) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return { key: JSON.parse(trimmed), format: 'jwk' as const };
  // Env files often hold a PEM on one line with its line breaks written as \n.
  return trimmed.replace(/\\n/g, '\n');
}

function ed25519(read: () => KeyObject, kind: 'private' | 'public', name: string): KeyObject {
  let key: KeyObject;
  try {
    key = read();
  } catch {
    throw new Error(`${name} must be an Ed25519 ${kind} key as PEM or JWK`);
  }
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== kind)
    throw new Error(`${name} must be an Ed25519 ${kind} key, got ${key.asymmetricKeyType}`);
  return key;
}
