import { expect, test } from '@playwright/test'
import { openApp, setEditorText } from './fixtures'

test('the editor validates manifests against the Kubernetes schema', async ({ page }) => {
  await openApp(page)
  await setEditorText(page, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bad\nspec:\n  replicas: three\n  bogusField: 1\n')
  const markers = () => page.evaluate(() => window.__kubeplayEditor?.markers() ?? [])
  await expect.poll(markers, { timeout: 20_000 }).toEqual(
    expect.arrayContaining(['Incorrect type. Expected "number".', 'Property bogusField is not allowed.']),
  )
  await expect(page.locator('[data-testid="yaml-editor"] .squiggly-warning, [data-testid="yaml-editor"] .squiggly-error').first()).toBeVisible()
})

test('Ctrl+Enter in the editor applies, and a repeated apply is "unchanged"', async ({ page }) => {
  await openApp(page)
  await setEditorText(page, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: demo\n')
  await page.locator('[data-testid="yaml-editor"] .view-lines').click()
  await page.keyboard.press('Control+Enter')
  const results = page.getByRole('list', { name: 'Apply results' })
  await expect(results).toContainText('configmap/settings created')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(results).toContainText('configmap/settings unchanged')
})
