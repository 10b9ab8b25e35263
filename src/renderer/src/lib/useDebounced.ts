import { useEffect, useState } from 'react';

/**
 * The value as it was after `delay` ms without change, compared by content (JSON), so a value
 * rebuilt on every render with the same content neither restarts the wait nor causes a new render.
 */
export function useDebounced<T>(value: T, delay: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState<{ key: string; value: T }>({ key, value });
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ key, value: JSON.parse(key) as T }), delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
  return settled.value;
}
