import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium (`apt-get install chromium`), never a downloaded browser. The flags keep it
 * from calling home: this machine has no network beyond loopback.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
