import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import type { PrivacyStatus } from '../../../../shared/contract/privacy';
import { invoke, onLocked, type RpcError } from '../../api/client';
import { LockScreen } from './LockScreen';
import './privacy.css';

const STATUS_KEY = ['privacy:status', null];
/** How often the page asks whether the core has locked itself (idle time is kept by the core). */
const POLL_UNLOCKED_MS = 15_000;
/** While locked: notices soon when another window of browser mode unlocked. */
const POLL_LOCKED_MS = 5_000;
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Shows the app only while the core is unlocked. When it locks (at start, after idle minutes, 立即锁定,
 * or any answer LOCKED) the app is unmounted and every cached answer dropped, so nothing of the
 * branch stays on screen or in the page's memory. Use of the page (keys, mouse) is reported to the
 * core now and then, so typing a long record without saving does not count as idle.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useQuery<PrivacyStatus, RpcError>({
    queryKey: STATUS_KEY,
    queryFn: () => invoke('privacy:status'),
    refetchInterval: (query) => (query.state.data?.passwordSet ? (query.state.data.locked ? POLL_LOCKED_MS : POLL_UNLOCKED_MS) : false),
  });
  const locked = status.data?.locked === true;
  const watching = status.data?.passwordSet === true && !locked;
  const idleMs = (status.data?.idleMinutes ?? 10) * 60_000;

  useEffect(
    () =>
      onLocked(() => {
        queryClient.setQueryData<PrivacyStatus>(STATUS_KEY, (old) => (old ? { ...old, locked: true } : old));
        void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      }),
    [queryClient],
  );

  useEffect(() => {
    if (locked) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== STATUS_KEY[0] });
  }, [locked, queryClient]);

  const lastTouch = useRef(0);
  useEffect(() => {
    if (!watching) return;
    const every = Math.min(30_000, idleMs / 4);
    lastTouch.current = Date.now();
    const onActivity = () => {
      if (Date.now() - lastTouch.current < every) return;
      lastTouch.current = Date.now();
      invoke('privacy:touch').catch(() => undefined);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [watching, idleMs]);

  if (status.isPending) {
    return (
      <div className="center-screen">
        <Spin size="large" />
      </div>
    );
  }
  // A core that cannot answer at all is Root's to explain (it shows the error of its own request).
  if (locked) return <LockScreen retryAfterSeconds={status.data?.retryAfterSeconds ?? null} />;
  return <>{children}</>;
}
