import type { ServiceContext } from './context';

export function createGroupsService({ store }: ServiceContext) {
  return {
    list: () => store.groups.list(),
  };
}
