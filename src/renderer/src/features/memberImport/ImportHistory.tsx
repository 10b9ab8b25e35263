import { Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useImportBatches } from '../../api/memberImport';

/** Earlier imports, each undoable as a whole while its members are not yet used elsewhere. */
export function ImportHistory({ onUndo, undoing }: { onUndo: (batchId: number) => void; undoing: boolean }) {
  const batches = useImportBatches();
  if (!batches.data || batches.data.length === 0) return null;
  return (
    <Card title="导入记录" style={{ marginTop: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={batches.data}
        columns={[
          { title: '导入时间', dataIndex: 'importedAt', render: (value: string) => new Date(value).toLocaleString('zh-CN') },
          { title: '文件', dataIndex: 'fileName' },
          { title: '人数', dataIndex: 'rowCount', width: 80 },
          {
            title: '状态',
            key: 'status',
            width: 100,
            render: (_value, batch) => (batch.undoneAt ? <Tag>已撤销</Tag> : <Tag color="green">已导入</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_value, batch) =>
              batch.undoneAt ? null : (
                <Popconfirm title="撤销这次导入？" description="这次导入的党员会被全部删除。" okText="撤销" cancelText="取消" onConfirm={() => onUndo(batch.id)}>
                  <Button type="link" size="small" danger loading={undoing}>
                    撤销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
