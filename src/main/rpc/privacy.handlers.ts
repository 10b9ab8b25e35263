import type { Method } from '../../shared/contract';
import type { PrivacyService } from '../services/privacy.service';
import type { Handler } from './handlers';

type PrivacyMethod = Extract<Method, `privacy:${string}`>;

/**
 * 隐私与密码's handler lines, apart so the core serves them in every session: the lock outlives a
 * restore (the app stays locked or unlocked as it was) and still holds while the database is damaged.
 */
export function privacyHandlers(privacy: PrivacyService) {
  return {
    'privacy:status': () => privacy.status(),
    'privacy:unlock': (input) => privacy.unlock(input),
    'privacy:lock': () => privacy.lock(),
    'privacy:touch': () => privacy.touch(),
    'privacy:setPassword': (input) => privacy.setPassword(input),
    'privacy:removePassword': (input) => privacy.removePassword(input),
    'privacy:setIdleMinutes': (input) => privacy.setIdleMinutes(input),
  } satisfies { [M in PrivacyMethod]: Handler<M> };
}
