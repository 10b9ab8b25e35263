import type { InputOf, Method, OutputOf, RendererBridge } from '../../../shared/contract';
import type { Envelope, ErrorBody, ErrorCode, FieldProblem } from '../../../shared/contract/errors';

declare global {
  interface Window {
    branchLedger?: RendererBridge;
  }
}

/** An error envelope turned into something React Query and forms can hold. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldProblem[];

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'RpcError';
    this.code = body.code;
    this.details = body.details ?? [];
  }
}

export type HostMode = 'desktop' | 'browser';

export function hostMode(): HostMode {
  return window.branchLedger ? 'desktop' : 'browser';
}

function sessionToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="branch-ledger-token"]')?.content ?? '';
}

async function overHttp(method: Method, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch('./rpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-branch-ledger-token': sessionToken() },
      body: JSON.stringify({ method, input }),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'STORE_UNAVAILABLE', message: '无法连接到支部台账服务，服务可能已关闭。请重新运行 npm start 后刷新本页面。' },
    };
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的内容（状态 ${response.status}）。请刷新页面重试。` } };
  }
}

const lockListeners = new Set<() => void>();

/** Called whenever the core answers LOCKED (app password, idle lock): the lock screen takes over. */
export function onLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** Calls one contract method; resolves with its value or rejects with an RpcError. */
export async function invoke<M extends Method>(method: M, ...args: undefined extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>]): Promise<OutputOf<M>> {
  const input = args[0];
  const envelope = window.branchLedger ? await window.branchLedger.invoke(method, input) : await overHttp(method, input);
  if (envelope.ok) return envelope.value as OutputOf<M>;
  if (envelope.error.code === 'LOCKED') for (const listener of lockListeners) listener();
  throw new RpcError(envelope.error);
}
