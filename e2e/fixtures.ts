/** Shared helpers for the end-to-end specs. */

import type { Page } from '@playwright/test'

/** The manifest the walkthrough applies: three nginx replicas. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
`

/** Opens the app with its test hooks (window.__kubeplayEditor) and waits for the cluster to show. */
export async function openApp(page: Page): Promise<void> {
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  await page.goto('/?test-hooks')
  await page.getByRole('group', { name: 'Node control-plane' }).waitFor()
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
}

/** Replaces the editor's text through the test hook (typing into Monaco would auto-indent). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => window.__kubeplayEditor !== undefined)
  await page.evaluate((t) => window.__kubeplayEditor?.setValue(t), text)
}

declare global {
  interface Window {
    __kubeplayEditor?: { getValue(): string; setValue(text: string): void; markers(): string[] }
  }
}
