import { describe, expect, it } from 'vitest'
import { EXIT_CODES } from '../../main/cli/exit-codes'
import { selectKey } from '../../main/cli/key-selection'
import type { StoredKey } from '../../main/core/keys/stored-key'

function stored(id: string, label: string, maskedKey: string, remoteLabel: string | null = null): StoredKey {
  return {
    id: id.repeat(64).slice(0, 64),
    label,
    maskedKey,
    userId: null,
    addedAt: '2026-01-01T00:00:00Z',
    figures: remoteLabel === null ? null : ({ remoteLabel } as StoredKey['figures']),
    checkedAt: null,
    lastError: null,
    failedRefreshes: 0,
    lastAttemptAt: null,
    removing: false,
    accountPending: false,
  }
}

const work = stored('a', 'Work', 'sk-or-v1-…1c96', 'laptop')
const play = stored('b', 'Play', 'sk-or-v1-…ab12')
const keys = [work, play]
const failure = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error as { exit: string; message: string }
  }
  throw new Error('did not fail')
}

describe('choosing a key by name', () => {
  it('takes the default, or the only key, when no name is given', () => {
    expect(selectKey(keys, play.id, undefined)).toBe(play)
    expect(selectKey([work], null, undefined)).toBe(work)
    expect(failure(() => selectKey(keys, null, undefined))).toMatchObject({ exit: 'noKeys', message: expect.stringMatching(/No default key/) })
    expect(failure(() => selectKey([], null, undefined))).toMatchObject({ exit: 'noKeys' })
  })

  it('matches the label (any case), OpenRouter’s name, the masked key (… or ...), the suffix and the id', () => {
    for (const name of ['Work', 'work', ' WORK ', 'laptop', 'sk-or-v1-…1c96', 'sk-or-v1-...1c96', '…1c96', '...1c96', '1c96', work.id]) {
      expect(selectKey(keys, play.id, name), name).toBe(work)
    }
  })

  it('refuses an ambiguous or unknown name, listing the matches', () => {
    const twin = stored('c', 'work', 'sk-or-v1-…ffff')
    const ambiguous = failure(() => selectKey([...keys, twin], null, 'Work'))
    expect(ambiguous).toMatchObject({ exit: 'unknownKey', message: '“Work” matches 2 keys: “Work” (sk-or-v1-…1c96), “work” (sk-or-v1-…ffff); use a name that only one has.' })
    expect(failure(() => selectKey(keys, null, 'c96'))).toMatchObject({ exit: 'unknownKey' })
    expect(EXIT_CODES[failure(() => selectKey(keys, null, 'nope')).exit as keyof typeof EXIT_CODES].code).toBe(4)
  })

  it('never echoes a key given as the name, and keeps control characters out of the terminal', () => {
    const secret = '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'
    expect(failure(() => selectKey(keys, null, secret)).message).not.toContain(secret)
    expect(failure(() => selectKey(keys, null, 'x\u001b[2Jy')).message).toBe('No stored key is called “x?[2Jy” (see `orkm list`).')
  })
})
