// The e2e tests need Debian's Chromium (never a downloaded browser) and CJK fonts for screenshots.
// As root on Debian this installs them; otherwise it says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'fonts-noto-cjk', present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') },
];

const missing = needed.filter((item) => !item.present()).map((item) => item.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`端到端测试需要系统软件包：${missing.join(' ')}。请先安装，例如：sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.log(`正在安装测试所需的系统软件包：${missing.join(' ')} …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
