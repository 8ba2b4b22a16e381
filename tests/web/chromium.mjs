// Debian's Chromium, headless, as both browser suites launch it (TOOLCHAIN.md §5).
import fs from 'node:fs';

import { chromium } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Chromium (apt-get install -y chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'],
  });
}
