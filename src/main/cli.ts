import { isAppError } from '../shared/contract/errors';
import { runBench } from './bench';
import { openCore, APP_VERSION } from './core';
import { resolveDataDir } from './dataDir';
import { runExport } from './cli.export';

// Command line: npm run cli -- <command> [--data-dir DIR]

const HELP = `支部台账 命令行 ${APP_VERSION}

用法：npm run cli -- <命令> [--data-dir 数据文件夹]

命令：
  demo     在数据文件夹中建立示例支部（25 名党员、2 个党小组、上一年度的组织生活记录）
  check    打开数据文件，执行升级和完整性检查，并显示统计
  info     显示数据文件夹和版本信息
  export   生成迎检资料包：export --year 2025 --out 文件夹 [--preset gbt9704|unit] [--zip] [--items roster,minutes,…] [--strict]
           先自查并列出问题（默认提示后继续，--strict 时有问题就不生成），逐个文件显示进度
  bench    性能测试（--package 测一年 250 条记录、100 个附件的迎检资料包）：在临时文件夹中计时建库、示例支部、新增 2000 名党员、名单、花名册导出（--members N 改人数），十年组织生活记录的列表、打开、搜索、保存（--meetings 只测这一部分）；--backup 测十年支部加 1000 个附件的备份、检查、恢复和交接包
  help     显示本说明
`;

async function run(command: string | undefined): Promise<number> {
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  if (command === 'bench') return runBench(process.argv.slice(3));
  if (!['demo', 'check', 'info', 'export'].includes(command)) {
    console.error(`未知命令：${command}\n\n${HELP}`);
    return 2;
  }
  const dataDir = resolveDataDir(process.argv);
  const core = openCore({ dataDir, host: 'cli' });
  try {
    if (command === 'export') return await runExport(core, process.argv.slice(3));
    if (command === 'demo') {
      const result = await core.dispatch('demo:create', undefined);
      if (!result.ok) {
        console.error(result.error.message);
        return 1;
      }
      const demo = result.value as { branchName: string; members: number; groups: number; meetings: number; year: number };
      console.log(`已建立示例支部：${demo.branchName}`);
      console.log(`党员 ${demo.members} 名，党小组 ${demo.groups} 个，${demo.year}年组织生活记录 ${demo.meetings} 条。`);
      console.log(`数据文件夹：${dataDir}`);
      return 0;
    }
    if (command === 'info') {
      const info = core.services.system.get();
      console.log(`支部台账 ${info.appVersion}，数据版本 ${info.schemaVersion}`);
      console.log(`数据文件：${info.databasePath}`);
      return 0;
    }
    const report = core.services.system.check();
    console.log(`数据文件：${core.store.path}`);
    console.log(`数据版本：${report.schemaVersion}，大小：${(report.sizeBytes / 1024).toFixed(0)} KB`);
    console.log(`完整性检查：${report.integrity.join('；')}`);
    console.log(`外键检查：${report.foreignKeyProblems === 0 ? '正常' : `${report.foreignKeyProblems} 处问题`}`);
    for (const [table, count] of Object.entries(report.counts)) console.log(`  ${table}: ${count}`);
    console.log(report.ok ? '检查通过。' : '检查发现问题，请先备份数据文件，再联系维护人员。');
    return report.ok ? 0 : 1;
  } finally {
    core.close();
  }
}

run(process.argv[2])
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(isAppError(error) ? error.message : error);
    process.exit(1);
  });
