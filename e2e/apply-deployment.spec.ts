import { expect, test } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { openApp, setEditorText, WEB_DEPLOYMENT } from './fixtures'

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url))
const WORKERS = ['node-1', 'node-2', 'node-3']

test('applying a 3-replica Deployment runs 3 pods on the worker nodes', async ({ page }) => {
  await openApp(page)
  for (const name of WORKERS) await expect(page.getByRole('group', { name: `Node ${name}` })).toBeVisible()

  await setEditorText(page, WEB_DEPLOYMENT)
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('list', { name: 'Apply results' })).toContainText('deployment.apps/web created')

  await page.getByRole('combobox', { name: 'Speed' }).selectOption('x5')

  const pods = page.getByRole('group', { name: /^Pod web-/ })
  await expect(pods).toHaveCount(3)
  for (const pod of await pods.all()) {
    await expect(pod).toHaveAttribute('aria-description', 'Running', { timeout: 30_000 })
    await expect(pod).toHaveAttribute('title', /: Running$/)
  }

  // Each pod is drawn inside the box of a worker node (React Flow child nodes are siblings in
  // the DOM, so "inside" is checked on the page geometry).
  const boxes = await Promise.all(WORKERS.map(async (name) => ({ name, box: await page.getByRole('group', { name: `Node ${name}` }).boundingBox() })))
  for (const pod of await pods.all()) {
    const b = await pod.boundingBox()
    expect(b).not.toBeNull()
    const cx = b!.x + b!.width / 2
    const cy = b!.y + b!.height / 2
    const host = boxes.find(({ box }) => box && cx > box.x && cx < box.x + box.width && cy > box.y && cy < box.y + box.height)
    expect(host, `pod ${await pod.getAttribute('aria-label')} is inside a worker node`).toBeDefined()
  }

  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled()
  await page.screenshot({ path: SCREENSHOT })
})
