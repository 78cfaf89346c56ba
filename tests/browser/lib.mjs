// Shared set-up for the browser tests: Debian's chromium driven by
// playwright-core (no browser download), against the stack make test started.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const BASE = process.env.AGORA_URL ?? 'http://127.0.0.1:8080';
export const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

// The flags keep Chromium off the network this machine does not have.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

// A fresh context per test: its own cookies, Spanish as the browser's language.
export async function page(browser, opts = {}) {
  const ctx = await browser.newContext({ locale: 'es-ES', ...opts });
  const p = await ctx.newPage();
  const problems = [];
  p.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  p.on('pageerror', (e) => problems.push(String(e)));
  return { ctx, page: p, problems };
}
