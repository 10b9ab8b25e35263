import { ipcMain } from 'electron';
import { AppError } from '../../shared/contract/errors';
import type { Dispatch } from './dispatch';

export const RPC_CHANNEL = 'rpc';

/** The desktop transport: the same dispatch, answering only our own page's frames. */
export function registerIpcTransport(dispatch: Dispatch, isOwnPage: (url: string | undefined) => boolean): void {
  ipcMain.handle(RPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isOwnPage(event.senderFrame?.url)) return { ok: false, error: new AppError('FORBIDDEN').toBody() };
    return dispatch(String(method), input);
  });
}
