import { expect, test, type Page } from '@playwright/test'
import { openApp } from './fixtures'

const clockTime = (page: Page) => page.getByRole('timer', { name: 'Simulated clock' }).getAttribute('datetime')

test('Pause stops the simulated clock and Play resumes it', async ({ page }) => {
  await openApp(page)
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('x100')
  const start = await clockTime(page)
  await expect.poll(() => clockTime(page)).not.toBe(start)

  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled()
  const paused = await clockTime(page)
  await page.waitForTimeout(800)
  expect(await clockTime(page)).toBe(paused)

  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled()
  await expect.poll(() => clockTime(page)).not.toBe(paused)
  // At x100, one wall second is over a simulated minute.
  await page.waitForTimeout(1000)
  const later = Date.parse((await clockTime(page)) ?? '')
  expect(later - Date.parse(paused ?? '')).toBeGreaterThan(30_000)
})

test('the language switch changes visible text, keeps accessible names, and is remembered', async ({ page }) => {
  await openApp(page)
  await page.getByRole('combobox', { name: 'Language' }).selectOption('简体中文')
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveText('应用')
  await page.reload()
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveText('应用')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('English')
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveText('Apply')
})
