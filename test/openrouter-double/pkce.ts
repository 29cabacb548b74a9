// PKCE (RFC 7636) on the server side: what a code's stored challenge method is, and whether a verifier fits.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { ChallengeMethod } from './state'

/**
 * The method stored with a code. Without a challenge there is nothing to bind. With a challenge but no
 * method, RFC 7636 §4.3 says 'plain'; what OpenRouter does then is UNCONFIRMED (its SDK always sends both).
 */
export function storedMethod(challenge: string | null, method: ChallengeMethod | null | undefined): ChallengeMethod | null {
  if (challenge === null) return null
  return method ?? 'plain'
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'utf8').digest('base64url')
}

/** Constant-time so the comparison does not leak how much of the challenge a guess got right. */
export function verifierMatches(challenge: string, method: ChallengeMethod, verifier: string): boolean {
  const expected = Buffer.from(challenge, 'utf8')
  const actual = Buffer.from(method === 'S256' ? s256(verifier) : verifier, 'utf8')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
