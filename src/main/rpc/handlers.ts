import type { Method, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Services } from '../services';

export type Handler<M extends Method> = (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type HandlerMap = { [M in Method]: Handler<M> };

/** One line per method, each delegating to its feature's service; a missing line fails to compile. */
export function createHandlers(services: Services) {
  return {
    'system:get': () => services.system.get(),
    'system:check': () => services.system.check(),
    'branch:get': () => services.branch.get(),
    'branch:create': (input) => services.branch.create(input),
    'branch:update': (input) => services.branch.update(input),
    'demo:create': () => services.demo.create(),
    'groups:list': (input) => services.groups.list(input),
    'groups:create': (input) => services.groups.create(input),
    'groups:update': (input) => services.groups.update(input),
    'groups:delete': (input) => services.groups.delete(input),
    'home:get': () => services.home.get(),
    'members:list': (input) => services.members.list(input),
    'members:get': (input) => services.members.get(input),
    'members:create': (input) => services.members.create(input),
    'members:update': (input) => services.members.update(input),
    'members:delete': (input) => services.members.delete(input),
    'members:export': (input) => services.roster.exportXlsx(input),
    'memberEvents:list': (input) => services.memberEvents.list(input),
    'memberImport:check': (input) => services.memberImport.check(input),
    'memberImport:import': (input) => services.memberImport.import(input),
    'memberImport:export': () => services.memberImport.template(),
    'importBatches:list': () => services.memberImport.listBatches(),
    'importBatches:delete': (input) => services.memberImport.undoBatch(input),
    'memberEvents:create': (input) => services.memberEvents.create(input),
    'memberEvents:delete': (input) => services.memberEvents.delete(input),
    'committee:list': () => services.committee.list(),
    'committee:create': (input) => services.committee.create(input),
    'committee:update': (input) => services.committee.update(input),
    'committeeSeats:create': (input) => services.committee.createSeat(input),
    'committeeSeats:update': (input) => services.committee.updateSeat(input),
    'committeeSeats:delete': (input) => services.committee.deleteSeat(input),
    'meetings:list': (input) => services.meetings.list(input),
    'meetings:get': (input) => services.meetings.get(input),
    'meetings:check': (input) => services.meetings.check(input),
    'meetings:create': (input) => services.meetings.create(input),
    'meetings:update': (input) => services.meetings.update(input),
    'meetings:delete': (input) => services.meetings.delete(input),
    'meetings:export': (input) => services.minutes.exportDocx(input),
    'orgLife:get': (input) => services.orgLife.get(input),
    'orgLife:save': (input) => services.orgLife.save(input),
    'orgLife:rectifications': (input) => services.orgLife.rectifications(input),
    'democraticReview:get': (input) => services.democraticReview.get(input),
    'democraticReview:save': (input) => services.democraticReview.save(input),
    'talks:get': (input) => services.talks.get(input),
    'talks:save': (input) => services.talks.save(input),
    'talks:coverage': (input) => services.talks.coverage(input),
  } satisfies HandlerMap;
}
