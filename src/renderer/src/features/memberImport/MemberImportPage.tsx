import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Input, Result, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  IMPORT_FIELD_LABELS,
  MAX_IMPORT_FILE_BYTES,
  type ImportColumn,
  type ImportField,
  type ImportProblem,
  type ImportRow,
  type ImportValues,
} from '../../../../shared/domain/memberImport';
import { useCheckImport, useConfirmImport, useImportTemplate, useUndoImport } from '../../api/memberImport';
import { fileToBase64 } from '../../lib/download';
import { ImportHistory } from './ImportHistory';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

interface Preview {
  fileName: string;
  rows: ImportRow[];
  columns: ImportColumn[];
  unknownHeaders: string[];
}

const PAGE_SIZE = 50;

function cellProblems(row: ImportRow, field: ImportField): ImportProblem[] {
  return row.problems.filter((problem) => problem.field === field);
}

/** Choose a file -> preview every row with its problems -> fix or skip -> import in one go -> undo offered. */
export function MemberImportPage() {
  const { message } = App.useApp();
  const saveGenerated = useSaveGenerated();
  const check = useCheckImport();
  const confirm = useConfirmImport();
  const template = useImportTemplate();
  const undo = useUndoImport();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [skipped, setSkipped] = useState<Set<number>>(new Set());
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [editing, setEditing] = useState<{ row: number; field: ImportField } | null>(null);
  const [done, setDone] = useState<{ batchId: number; imported: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const kept = useMemo(() => (preview ? preview.rows.filter((row) => !skipped.has(row.rowNumber)) : []), [preview, skipped]);
  const keptWithErrors = kept.filter((row) => row.problems.some((problem) => problem.level === 'error'));
  const keptWithWarnings = kept.filter((row) => row.problems.length > 0 && !row.problems.some((problem) => problem.level === 'error'));

  const chooseFile = async (file: File) => {
    setFileError(null);
    setDone(null);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setFileError(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），最大支持 10 MB。请删去无关的工作表或图片后再试。`);
      return false;
    }
    try {
      const result = await check.mutateAsync({ fileName: file.name, contentBase64: await fileToBase64(file) });
      setPreview({ fileName: file.name, rows: result.rows, columns: result.columns, unknownHeaders: result.unknownHeaders });
      setSkipped(new Set());
      setOnlyProblems(result.counts.withErrors > 0);
    } catch (error) {
      setFileError((error as Error).message);
    }
    return false;
  };

  /** Re-checks every row on the server after an edit (duplicates within the file depend on all rows). */
  const recheck = async (rows: ImportRow[]) => {
    if (!preview) return;
    try {
      const result = await check.mutateAsync({ rows: rows.map(({ rowNumber, values }) => ({ rowNumber, values })) });
      setPreview({ ...preview, rows: result.rows });
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const commitEdit = (rowNumber: number, field: ImportField, text: string) => {
    setEditing(null);
    if (!preview) return;
    const current = preview.rows.find((row) => row.rowNumber === rowNumber);
    if (!current || current.values[field] === text.trim()) return;
    const rows = preview.rows.map((row) =>
      row.rowNumber === rowNumber ? { ...row, values: { ...row.values, [field]: text.trim() } as ImportValues } : row,
    );
    setPreview({ ...preview, rows });
    void recheck(rows);
  };

  const importKept = async () => {
    if (!preview) return;
    try {
      const result = await confirm.mutateAsync({
        fileName: preview.fileName,
        rows: kept.map(({ rowNumber, values }) => ({ rowNumber, values })),
      });
      setDone(result);
      setPreview(null);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const undoImport = async (batchId: number) => {
    try {
      await undo.mutateAsync({ id: batchId });
      message.success('已撤销本次导入，花名册已恢复到导入前的样子');
      setDone(null);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const downloadTemplate = () => saveGenerated(() => template.mutateAsync(undefined), null);

  const fields: ImportField[] = preview ? preview.columns.map((column) => column.field) : [];
  const columns: ColumnsType<ImportRow> = [
    {
      title: '导入',
      key: 'keep',
      width: 56,
      fixed: 'left',
      render: (_value, row) => (
        <Checkbox
          aria-label={`导入第${row.rowNumber}行`}
          checked={!skipped.has(row.rowNumber)}
          onChange={(event) => {
            const next = new Set(skipped);
            if (event.target.checked) next.delete(row.rowNumber);
            else next.add(row.rowNumber);
            setSkipped(next);
          }}
        />
      ),
    },
    { title: '行号', dataIndex: 'rowNumber', width: 64, fixed: 'left' },
    {
      title: '问题',
      key: 'problems',
      width: 300,
      render: (_value, row) =>
        row.problems.length === 0 ? (
          <Tag color="green">可导入</Tag>
        ) : (
          <Space direction="vertical" size={0}>
            {row.problems.map((problem, index) => (
              <Typography.Text key={index} type={problem.level === 'error' ? 'danger' : 'warning'}>
                {problem.field ? `${IMPORT_FIELD_LABELS[problem.field]}：` : ''}
                {problem.message}
              </Typography.Text>
            ))}
          </Space>
        ),
    },
    ...fields.map((field) => ({
      title: IMPORT_FIELD_LABELS[field],
      key: field,
      width: field === 'idNumber' ? 190 : field === 'workplace' || field === 'note' ? 180 : 110,
      onCell: (row: ImportRow) => {
        const problems = cellProblems(row, field);
        const level = problems.some((problem) => problem.level === 'error') ? 'error' : problems.length ? 'warning' : null;
        return { className: level ? `import-cell-${level}` : undefined, onClick: () => setEditing({ row: row.rowNumber, field }) };
      },
      render: (_value: unknown, row: ImportRow) => {
        if (editing?.row === row.rowNumber && editing.field === field) {
          return (
            <Input
              size="small"
              autoFocus
              defaultValue={row.values[field]}
              aria-label={`第${row.rowNumber}行${IMPORT_FIELD_LABELS[field]}`}
              onBlur={(event) => commitEdit(row.rowNumber, field, event.target.value)}
              onPressEnter={(event) => commitEdit(row.rowNumber, field, event.currentTarget.value)}
              onKeyDown={(event) => event.key === 'Escape' && setEditing(null)}
            />
          );
        }
        const problems = cellProblems(row, field);
        const text = row.values[field] || (problems.length ? '（空）' : '');
        return problems.length ? <Tooltip title={problems.map((problem) => problem.message).join('；')}>{text}</Tooltip> : text;
      },
    })),
  ];

  const shownRows = preview ? (onlyProblems ? preview.rows.filter((row) => row.problems.length > 0) : preview.rows) : [];

  return (
    <div>
      <div className="page-title">
        <Space>
          <Link to="/members">
            <Button icon={<ArrowLeftOutlined />}>返回花名册</Button>
          </Link>
          <Typography.Title level={4}>从 Excel 导入党员</Typography.Title>
        </Space>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate} loading={template.isPending}>
          下载导入模板
        </Button>
      </div>

      {done && (
        <Card style={{ marginBottom: 16 }}>
          <Result
            status="success"
            title={`已导入 ${done.imported} 名党员`}
            subTitle="如果发现导入有误，可以整批撤销，花名册会恢复到导入前的样子。"
            extra={[
              <Link key="list" to="/members">
                <Button type="primary">查看花名册</Button>
              </Link>,
              <Button key="undo" danger loading={undo.isPending} onClick={() => undoImport(done.batchId)}>
                撤销本次导入
              </Button>,
            ]}
          />
        </Card>
      )}

      {!preview && (
        <Card style={{ marginBottom: 16 }}>
          <Upload.Dragger accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={chooseFile} disabled={check.isPending} data-testid="import-drop">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{check.isPending ? '正在读取文件…' : '点击选择或把 Excel 文件拖到这里'}</p>
            <p className="ant-upload-hint">
              支持 .xlsx 和 .csv。标题行不在第一行、列的顺序不同、“身份证号”“入党日期”等常见写法都可以识别；导入前会逐行检查，确认后才写入。
            </p>
          </Upload.Dragger>
          {fileError && <Alert style={{ marginTop: 16 }} type="error" showIcon message="无法导入这个文件" description={fileError} />}
        </Card>
      )}

      {preview && (
        <Card
          title={`预览：${preview.fileName}`}
          extra={
            <Button
              onClick={() => {
                setPreview(null);
                setFileError(null);
              }}
            >
              重新选择文件
            </Button>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert
              type={keptWithErrors.length ? 'warning' : 'success'}
              showIcon
              message={`共 ${preview.rows.length} 行，将导入 ${kept.length} 行（其中 ${keptWithWarnings.length} 行有提醒），跳过 ${skipped.size} 行${
                keptWithErrors.length ? `；还有 ${keptWithErrors.length} 行有错误，请点击单元格修改，或取消勾选跳过` : ''
              }。`}
            />
            <Typography.Text type="secondary">
              已识别的列：{preview.columns.map((column) => `${column.header}→${IMPORT_FIELD_LABELS[column.field]}`).join('，')}
              {preview.unknownHeaders.length > 0 && `；未识别、不会导入的列：${preview.unknownHeaders.join('，')}`}
            </Typography.Text>
            <Space>
              <Checkbox checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)}>
                只看有问题的行
              </Checkbox>
              <Button onClick={() => setSkipped(new Set(preview.rows.filter((row) => row.problems.some((p) => p.level === 'error')).map((row) => row.rowNumber)))}>
                跳过所有有错误的行
              </Button>
            </Space>
            <Table<ImportRow>
              rowKey="rowNumber"
              size="small"
              bordered
              columns={columns}
              dataSource={shownRows}
              loading={check.isPending}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
              rowClassName={(row) => (skipped.has(row.rowNumber) ? 'import-row-skipped' : '')}
            />
            <Space>
              <Button type="primary" disabled={kept.length === 0 || keptWithErrors.length > 0 || check.isPending} loading={confirm.isPending} onClick={importKept}>
                导入 {kept.length} 名党员
              </Button>
              {keptWithErrors.length > 0 && <Typography.Text type="danger">还有 {keptWithErrors.length} 行有错误，修改或跳过后才能导入</Typography.Text>}
            </Space>
          </Space>
        </Card>
      )}

      <ImportHistory onUndo={undoImport} undoing={undo.isPending} />
    </div>
  );
}
