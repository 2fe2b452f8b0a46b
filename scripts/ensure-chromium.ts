// The demo and the end-to-end tests run in Debian's Chromium (never a browser downloaded by Playwright). On a fresh
// Debian machine, as root, install it (and openssl, for the fixture server's throw-away certificate); otherwise say
// exactly what is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (command: string) => {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};

const chromium = process.env.CHROMIUM_PATH ? existsSync(process.env.CHROMIUM_PATH) : has('chromium') || has('chromium-browser');
if (!chromium || !has('openssl')) {
  if (process.getuid?.() === 0 && has('apt-get')) {
    console.log('Installing Debian packages: chromium openssl …');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium openssl', { stdio: 'inherit', shell: '/bin/sh' });
  } else {
    console.error(
      'Keep Account runs its demo and browser tests in Debian\'s Chromium. Install it first:\n' +
        '  sudo apt-get install -y chromium openssl\n' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
    process.exit(1);
  }
}
