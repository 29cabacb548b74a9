// Renders the whole app on the fake API and waits until the first list is shown.
import { render, waitFor, type RenderResult } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { expect } from 'vitest'
import { App } from '../../renderer/src/App'
import { createFakeOrkm, type FakeOrkm, type FakeOrkmOptions } from './fake-orkm'

export interface RenderedApp extends RenderResult {
  fake: FakeOrkm
  user: UserEvent
}

export async function renderApp(options: FakeOrkmOptions = {}, props: { autoRefreshMs?: number } = {}): Promise<RenderedApp> {
  const fake = createFakeOrkm(options)
  const user = userEvent.setup()
  const result = render(<App api={fake.api} {...props} />)
  await waitFor(() => expect(result.container.querySelector('.skeleton-grid')).toBeNull())
  return { ...result, fake, user }
}
