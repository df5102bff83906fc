// Takes the marketplace README's screenshot (media/screenshot.png) in a real VS Code: code-server
// in headless Chromium, set up by ../shared/tools/vscode-web (its puppeteer-core on NODE_PATH).
// Opens DRAFT from the Explorer, hovers the first warning and shoots the window with the hover
// and the Factline status bar item. Prints the status bar and the hover. Run by screenshot.sh.
// Usage: node screenshot.js URL DRAFT_NAME OUT.png
const puppeteer = require('puppeteer-core');
const [url, draft, out] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: 'new',
    args: ['--no-sandbox'], defaultViewport: { width: 1280, height: 760 } });
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'networkidle2', timeout: 60000 });
    await sleep(6000);
    for (let i = 0; i < 3; i++) { await page.keyboard.press('Escape'); await sleep(300); }
    // Open the draft from the Explorer, as a writer would.
    const row = await page.waitForSelector(`.explorer-folders-view .monaco-list-row[aria-label*="${draft}"]`,
      { timeout: 20000 });
    await row.click();
    await sleep(10000); // the extension starts the server, which publishes diagnostics
    // Close the welcome tab if it is still open, so that the draft fills the editor.
    const status = await page.$$eval('.statusbar-item', (els) =>
      els.map((e) => (e.getAttribute('aria-label') || e.innerText || '').trim()).filter(Boolean));
    console.log('status bar: ' + JSON.stringify(status));
    const squiggle = await page.waitForSelector('.squiggly-warning', { timeout: 20000 });
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    await sleep(3000);
    const hover = await page.$$eval('.monaco-hover-content', (els) => els.map((e) => e.innerText).join('\n'));
    console.log('hover:\n' + hover.split('\n').map((l) => `  ${l}`).join('\n'));
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
