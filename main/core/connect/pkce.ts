// PKCE (RFC 7636) with the S256 method: the verifier stays in main; only its challenge leaves the process.
import { createHash, randomBytes } from 'node:crypto'

export interface PkcePair {
  verifier: string
  challenge: string
  method: 'S256'
}

/** 32 random bytes, base64url: a 43-character verifier, the length RFC 7636 recommends. */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url')
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

export function createPkcePair(): PkcePair {
  const verifier = createCodeVerifier()
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' }
}

/** An unguessable URL-safe token, e.g. the per-flow callback path segment. */
export function createNonce(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}
