import { describe, expect, it } from 'vitest';
import { packageFindings, type CheckRecord } from '../../src/shared/domain/packageCheck';
import { packageFolderName, safeFileName, targetPathProblem } from '../../src/shared/domain/packageNames';

describe('self-check (pure)', () => {
  const record = (overrides: Partial<CheckRecord>): CheckRecord => ({
    id: 1,
    heldOn: '2025-03-12',
    topic: '学习贯彻全会精神',
    types: ['committeeMeeting'],
    recorderMemberId: 5,
    recorderName: '李明',
    summary: '学习了……',
    agendaCount: 1,
    decisionCount: 0,
    voteCount: 0,
    attendanceCount: 7,
    ...overrides,
  });

  it('finds missing 记录人, content, attendance, decisions; overdue obligations; a draft assessment; open 整改 — each with a link', () => {
    const findings = packageFindings({
      year: 2025,
      records: [
        record({ id: 1 }),
        record({ id: 2, heldOn: '2025-04-01', recorderMemberId: null, recorderName: null }),
        record({ id: 3, heldOn: '2025-05-01', types: ['memberAssembly'], summary: null, agendaCount: 0, attendanceCount: 0 }),
        record({ id: 4, heldOn: '2025-06-01', types: ['memberAssembly'], voteCount: 1 }),
        record({ id: 5, heldOn: '2025-07-01', types: ['heartToHeartTalk'], attendanceCount: 0 }),
      ],
      overdue: [{ key: 'lecture:2', label: '党课', periodLabel: '2025年第2季度', groupName: null }],
      assessment: { id: 9, status: 'draft' },
      openRectifications: [{ id: 3, meetingId: 7, measure: '健全学习制度', dueOn: '2025-10-31', overdue: true }],
    });
    expect(findings.map((finding) => [finding.message, `${finding.link.path}${finding.link.query.year ? `?year=${finding.link.query.year}` : ''}`])).toEqual([
      ['2025-04-01 支部委员会会议（学习贯彻全会精神）：没有填写记录人', '/meetings/2'],
      ['2025-05-01 支部党员大会（学习贯彻全会精神）：没有填写会议内容（主要内容或议题）', '/meetings/3'],
      ['2025-05-01 支部党员大会（学习贯彻全会精神）：没有登记出勤情况', '/meetings/3'],
      ['2025-05-01 支部党员大会（学习贯彻全会精神）：支部党员大会没有决议或表决事项', '/meetings/3'],
      ['2025年第2季度党课未按期完成', '/compliance?year=2025'],
      ['2025年度五星三强自评尚未提交（资料包中的自评打分表和自评报告将标为草稿）', '/assessments/9'],
      ['整改事项未完成：健全学习制度，期限 2025-10-31，已逾期', '/meetings/7'],
    ]);
    expect(findings.every((finding) => finding.severity === 'problem')).toBe(true);
    const none = packageFindings({ year: 2025, records: [record({})], overdue: [], assessment: { id: 1, status: 'submitted' }, openRectifications: [] });
    expect(none).toEqual([]);
    const noAssessment = packageFindings({ year: 2025, records: [record({})], overdue: [], assessment: null, openRectifications: [] });
    expect(noAssessment.map((finding) => finding.severity)).toEqual(['notice']);
  });
});

describe('names Windows accepts', () => {
  it('makes item and attachment names safe', () => {
    expect(safeFileName('会议:记录/第一次?.docx')).toBe('会议_记录_第一次_.docx');
    expect(safeFileName('NUL.txt')).toBe('_NUL.txt');
    expect(safeFileName('报告.  ')).toBe('报告');
    expect(safeFileName('')).toBe('未命名');
    expect([...safeFileName(`${'长'.repeat(200)}.docx`)].length).toBe(85);
    expect(packageFolderName(2025)).toBe('2025年迎检资料包');
    expect(packageFolderName(2025, 3)).toBe('2025年迎检资料包（3）');
  });

  it('refuses a target path Windows cannot use, accepts drive letters and POSIX paths', () => {
    expect(targetPathProblem('D:\\迎检资料\\2025')).toBeNull();
    expect(targetPathProblem('/home/书记/迎检资料')).toBeNull();
    expect(targetPathProblem('\\\\服务器\\共享\\迎检')).toBeNull();
    expect(targetPathProblem('D:\\资料\\报表<2025>')).toBe('保存位置中的“报表<2025>”含有 Windows 不允许的字符 < >，请改名或换一个文件夹');
    expect(targetPathProblem('D:\\aux\\x')).toBe('保存位置中的“aux”是 Windows 保留的名称，请换一个文件夹');
    expect(targetPathProblem('D:\\资料 \\x')).toBe('保存位置中的“资料 ”以空格或句点结尾，Windows 不允许，请改名');
    expect(targetPathProblem('迎检资料')).toMatch(/应是完整路径/);
    expect(targetPathProblem('  ')).toBe('请填写保存位置');
  });
});
