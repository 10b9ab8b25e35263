import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useRpcAction } from '../../api/hooks';
import { useRestoreMeeting } from '../../api/meetings';

/** How long the 撤销 offer stays up (it pauses while the pointer is on it). */
const UNDO_SECONDS = 20;

/**
 * Deletes a record and offers 撤销: the core only marks it deleted, so it can be restored until the
 * app restarts (its attachments are kept until then too). Goes back to the year's list first, so
 * the editor never shows the record as missing.
 */
export function useDeleteMeetingWithUndo() {
  const { message, notification } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useRpcAction('meetings:delete');
  const restore = useRestoreMeeting();

  async function deleteMeeting(record: { id: number; topic: string; heldOn: string }): Promise<void> {
    try {
      await remove.mutateAsync({ id: record.id });
    } catch (error) {
      message.error((error as Error).message);
      return;
    }
    navigate(`/meetings?year=${record.heldOn.slice(0, 4)}`);
    void queryClient.invalidateQueries();
    const key = `meeting-deleted-${record.id}`;
    const undo = async () => {
      notification.destroy(key);
      try {
        await restore.mutateAsync({ id: record.id });
        message.success(`已恢复：${record.topic}`);
        navigate(`/meetings/${record.id}`);
      } catch (error) {
        message.error((error as Error).message);
      }
    };
    notification.success({
      key,
      title: '已删除会议记录',
      description: `“${record.topic}”已删除。软件重新启动前，可以点“撤销”恢复这条记录及其附件。`,
      duration: UNDO_SECONDS,
      pauseOnHover: true,
      placement: 'bottomRight',
      actions: (
        <Button type="primary" size="small" onClick={() => void undo()}>
          撤销
        </Button>
      ),
    });
  }

  return { deleteMeeting, deleting: remove.isPending };
}
