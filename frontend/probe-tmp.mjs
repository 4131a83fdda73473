import { chromium } from 'playwright-core';
import fs from 'node:fs';
const args = ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-component-update','--disable-sync', ...process.argv.slice(2)];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await browser.newPage({ baseURL: 'http://127.0.0.1:18765' });
const start = fs.statSync('/tmp/wt-mock/api.log').size;
await page.goto('/login');
await page.evaluate(() => { const s = document.createElement('script'); s.textContent = '1'; document.body.append(s); });
const t0 = Date.now();
while (Date.now() - t0 < 75000) {
  if (fs.readFileSync('/tmp/wt-mock/api.log').subarray(start).toString().includes('csp violation')) { console.log('report after', Date.now() - t0, 'ms'); break; }
  await new Promise(r => setTimeout(r, 250));
}
await browser.close();
