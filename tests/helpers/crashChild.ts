import { writeSync } from 'node:fs';
import { openCore } from '../../src/main/core';
import { isAppError } from '../../src/shared/contract/errors';

// The child process of the crash-safety test (bundled by tests/helpers/crashChildBuild.ts and run
// with plain node). It opens the real core on the data folder it is given and writes for ever —
// members, meeting records and member-import batches through dispatch — printing one line per
// write the store has acknowledged, synchronously, so the parent knows what must survive a kill.
//
//   node crashChild.mjs <dataDir> <run>        bulk writes until killed
//   node crashChild.mjs <dataDir> --probe M J  one dispatch of method M with JSON input J, answer as JSON

const [dataDir, mode, ...rest] = process.argv.slice(2);

/** One line on stdout, written before the next write starts (no buffering in between). */
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function probe(method: string, input: string): Promise<void> {
  let core;
  try {
    core = openCore({ dataDir, host: 'cli', logError: (_method, error) => say(`LOG ${String(error)}`) });
  } catch (error) {
    say(JSON.stringify({ opened: false, code: isAppError(error) ? error.code : 'THROWN', message: String((error as Error).message) }));
    return;
  }
  const result = await core.dispatch(method, JSON.parse(input));
  say(JSON.stringify({ opened: true, result }));
  core.close();
}

async function bulk(runId: string): Promise<void> {
  const core = openCore({ dataDir, host: 'cli', logError: (method, error) => say(`LOG ${method} ${String(error)}`) });
  const must = async <T>(method: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(method, input);
    if (!result.ok) {
      say(`FAIL ${method} ${result.error.code} ${result.error.message}`);
      process.exit(3);
    }
    return result.value as T;
  };
  if ((await must<unknown>('branch:get')) === null) {
    await must('branch:create', { name: '崩溃测试支部', kind: 'organ', termStartsOn: '2024-01-01', termEndsOn: '2027-01-01' });
  }
  say('READY');
  for (let step = 0; ; step += 1) {
    const tag = `${runId}-${step}`;
    const kind = step % 5;
    say(`WRITE ${['member', 'meeting', 'member', 'meeting', 'import'][kind]} ${tag}`);
    if (kind === 0 || kind === 2) {
      const member = await must<{ id: number; name: string }>('members:create', { name: `党员${tag}`, gender: step % 2 ? 'male' : 'female', category: 'full', note: `第${tag}次写入`.repeat(20) });
      say(`ACK member ${member.id} ${member.name}`);
    } else if (kind === 1 || kind === 3) {
      const meeting = await must<{ id: number; topic: string }>('meetings:create', {
        types: ['partyLecture'],
        heldOn: `2025-${String(1 + (step % 12)).padStart(2, '0')}-15`,
        topic: `党课${tag}`,
        lecturerName: '上级讲师',
        lectureTitle: `课题${tag}`,
        summary: `会议内容${tag}`.repeat(40),
        agenda: [{ title: `议题${tag}`, speeches: [{ speakerMemberId: null, speakerName: '发言人', summary: `发言${tag}`.repeat(30) }] }],
        attendance: [],
      });
      say(`ACK meeting ${meeting.id} ${meeting.topic}`);
    } else {
      // A whole roster import: all of its rows land in one transaction, or none do.
      const size = 100 + (step % 7) * 40;
      const rows = Array.from({ length: size }, (_, index) => ({
        rowNumber: index + 2,
        values: { name: `导入${tag}-${index}`, gender: index % 2 ? '男' : '女', category: '正式党员', workplace: '示例单位', note: `批次${tag}`.repeat(30) },
      }));
      const result = await must<{ batchId: number; imported: number }>('memberImport:import', { fileName: `批次${tag}.xlsx`, rows });
      say(`ACK import ${result.batchId} ${result.imported} 导入${tag}-`);
    }
  }
}

if (mode === '--probe') void probe(rest[0], rest[1] ?? 'null');
else void bulk(mode ?? 'r');
