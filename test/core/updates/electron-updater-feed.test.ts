// The real electron-updater under Node, against a local HTTP feed (latest-linux.yml plus the file), driven
// through the same port and controller the app uses. electron-updater loads `electron` lazily, only in its
// default adapters: it is given an AppAdapter and a Node HTTP executor instead, and pointed at the feed with
// setFeedURL. What this cannot run is quitAndInstall: replacing and relaunching the app needs Electron.
import { createHash, randomBytes } from 'node:crypto'
import { request as httpRequest, createServer, type ClientRequest, type IncomingMessage, type RequestOptions, type Server } from 'node:http'
import { readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime'
import { AppImageUpdater, type AppUpdater } from 'electron-updater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../../preload/contract'
import type { Logger } from '../../../main/core/base/logger'
import { systemClock } from '../../../main/core/base/ports'
import { bindUpdaterEvents, configureUpdater, updaterPort } from '../../../main/core/updates/electron-updater-port'
import { UpdateController } from '../../../main/core/updates/update-controller'
import { NO_WORK } from '../../../main/core/updates/update-policy'
import { makeTempDir } from '../../support/temp-dir'

const INSTALLED_VERSION = '1.0.0'
const FILE_NAME = 'openrouter-key-manager-1.1.0-x86_64.AppImage'

/**
 * electron-updater's HttpExecutor over Node's http module. In the app, ElectronHttpExecutor does the same over
 * Electron's `net`; `download` mirrors its implementation (the base class leaves it to subclasses).
 */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return httpRequest(options, callback)
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, responseHandler: null, callback: (error) => (error ? reject(error) : resolve(destination)) },
        0,
      )
    })
  }
}

/** The next download or failure the updater reports. */
function nextOutcome(updater: AppUpdater): Promise<{ downloaded: string } | { error: Error }> {
  return new Promise((resolve) => {
    const onDownloaded = (event: { downloadedFile: string }) => finish({ downloaded: event.downloadedFile })
    const onError = (error: Error) => finish({ error })
    const finish = (outcome: { downloaded: string } | { error: Error }) => {
      updater.off('update-downloaded', onDownloaded)
      updater.off('error', onError)
      resolve(outcome)
    }
    updater.on('update-downloaded', onDownloaded)
    updater.on('error', onError)
  })
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64')

function channelYaml(version: string, fileBytes: Buffer): string {
  const hash = sha512(fileBytes)
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${FILE_NAME}`,
    `    sha512: ${hash}`,
    `    size: ${fileBytes.length}`,
    `path: ${FILE_NAME}`,
    `sha512: ${hash}`,
    `releaseDate: '2026-12-01T12:00:00.000Z'`,
    '',
  ].join('\n')
}

/** The feed: a channel file and one download. electron-updater names the channel file by platform and arch. */
interface Feed {
  url: string
  requests: string[]
  serve(content: { yaml: string; file: Buffer }): void
  close(): Promise<void>
  listen(): Promise<void>
}

async function startFeed(): Promise<Feed> {
  let content: { yaml: string; file: Buffer } = { yaml: '', file: Buffer.alloc(0) }
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://feed').pathname
    requests.push(path)
    if (/^\/latest(-linux(-arm64)?|-mac)?\.yml$/.test(path)) {
      response.writeHead(200, { 'Content-Type': 'text/yaml' }).end(content.yaml)
    } else if (path === `/${FILE_NAME}`) {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': content.file.length }).end(content.file)
    } else {
      response.writeHead(404).end()
    }
  })
  let port = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port
        resolve()
      })
    })
  await listen()
  return {
    get url() {
      return `http://127.0.0.1:${port}/`
    },
    requests,
    serve: (next) => void (content = next),
    listen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('electron-updater against a local feed', () => {
  let dir: { path: string; remove(): Promise<void> }
  let feed: Feed
  const savedAppImage = process.env['APPIMAGE']

  beforeEach(async () => {
    dir = await makeTempDir('orkm-updater-')
    feed = await startFeed()
    // The AppImage updater only runs inside an AppImage, and names the running one by this variable.
    process.env['APPIMAGE'] = join(dir.path, 'installed.AppImage')
    await writeFile(process.env['APPIMAGE'], randomBytes(1024))
  })

  afterEach(async () => {
    if (savedAppImage === undefined) delete process.env['APPIMAGE']
    else process.env['APPIMAGE'] = savedAppImage
    await feed.close().catch(() => {})
    await dir.remove()
  })

  async function installedApp() {
    const configPath = join(dir.path, 'app-update.yml')
    // What electron-builder writes into an installed app; the cache folder name comes from it.
    await writeFile(configPath, `provider: generic\nurl: ${feed.url}\nupdaterCacheDirName: orkm-updater-test\n`)
    const app: AppAdapter = {
      version: INSTALLED_VERSION,
      name: 'OpenRouter Key Manager',
      isPackaged: true,
      appUpdateConfigPath: configPath,
      userDataPath: join(dir.path, 'user-data'),
      baseCachePath: join(dir.path, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => {},
      quit: () => {},
      onQuit: () => {},
    }
    const updater = new AppImageUpdater(null, app)
    Object.assign(updater, { httpExecutor: new NodeHttpExecutor() })
    updater.setFeedURL({ provider: 'generic', url: feed.url })
    const lines: string[] = []
    const logger: Logger = {
      info: (message, details) => void lines.push(`info ${message} ${JSON.stringify(details ?? {})}`),
      warn: (message, details) => void lines.push(`warn ${message} ${JSON.stringify(details ?? {})}`),
      error: (message, details) => void lines.push(`error ${message} ${JSON.stringify(details ?? {})}`),
    }
    configureUpdater(updater, { kind: 'install' }, logger)
    const controller = new UpdateController({
      updater: updaterPort(updater),
      mode: { kind: 'install' },
      autoUpdateEnabled: () => true,
      work: { current: () => NO_WORK },
      clock: systemClock,
      logger,
    })
    bindUpdaterEvents(updater, controller)
    const statuses: UpdateStatus[] = []
    controller.onChange((status) => statuses.push(status))
    return { updater, controller, statuses, lines }
  }

  it('finds the newer version, downloads it, verifies its sha512 and offers the restart', async () => {
    const file = randomBytes(256 * 1024)
    feed.serve({ yaml: channelYaml('1.1.0', file), file })
    const { updater, controller, statuses } = await installedApp()
    const settled = nextOutcome(updater)
    expect(await controller.check()).toEqual({ kind: 'downloading', version: '1.1.0' })
    const outcome = await settled
    expect(outcome).toEqual({ downloaded: expect.stringMatching(/\.AppImage$/) })
    const downloaded = await readFile((outcome as { downloaded: string }).downloaded)
    expect(sha512(downloaded)).toBe(sha512(file))
    expect(statuses).toEqual([{ kind: 'ready', version: '1.1.0' }])
    expect(controller.current).toEqual({ kind: 'ready', version: '1.1.0' })
    expect(feed.requests).toContain(`/${FILE_NAME}`)
  })

  it('refuses a tampered file: the sha512 does not match, nothing is offered, the failure is logged', async () => {
    const file = randomBytes(64 * 1024)
    const tampered = Buffer.from(file)
    tampered[1000] = tampered[1000]! ^ 0xff
    feed.serve({ yaml: channelYaml('1.1.0', file), file: tampered })
    const { updater, controller, statuses, lines } = await installedApp()
    const settled = nextOutcome(updater)
    await controller.check()
    const outcome = await settled
    expect(outcome).toMatchObject({ error: expect.objectContaining({ message: expect.stringMatching(/sha512 checksum mismatch/) }) })
    expect(statuses).toEqual([])
    expect(controller.current).toEqual({ kind: 'none' })
    expect(lines.some((line) => line.startsWith('warn update failed') && /checksum mismatch/.test(line))).toBe(true)
  })

  it('refuses a downgrade: an older version in the feed is not downloaded', async () => {
    const file = randomBytes(1024)
    feed.serve({ yaml: channelYaml('0.9.0', file), file })
    const { controller, statuses } = await installedApp()
    expect(await controller.check()).toEqual({ kind: 'up-to-date' })
    expect(feed.requests.some((path) => path.endsWith('.yml'))).toBe(true)
    expect(feed.requests).not.toContain(`/${FILE_NAME}`)
    expect(statuses).toEqual([])
  })

  it('survives the feed being down: the check fails quietly, and a later one finds the update', async () => {
    const file = randomBytes(4096)
    feed.serve({ yaml: channelYaml('1.1.0', file), file })
    const { updater, controller, statuses, lines } = await installedApp()
    await feed.close()
    expect(await controller.check()).toEqual({ kind: 'failed' })
    expect(statuses).toEqual([])
    expect(lines.some((line) => line.startsWith('warn update check failed'))).toBe(true)
    await feed.listen() // the same port: the feed is back
    const settled = nextOutcome(updater)
    expect(await controller.check()).toEqual({ kind: 'downloading', version: '1.1.0' })
    expect(await settled).toMatchObject({ downloaded: expect.any(String) })
    expect(controller.current).toEqual({ kind: 'ready', version: '1.1.0' })
  })
})
