import type { CallPredicate } from './CallLog.js';

/** What identifies an interaction on the wire; any built or dispatched payload satisfies it. */
export interface InteractionRef {
  id: string;
  token: string;
  application_id: string;
}

/** Predicate factories for the routes a bot uses to answer an interaction. */
export const callTo = {
  callback:
    (i: InteractionRef): CallPredicate =>
    (c) =>
      c.method === 'POST' && c.route === `/interactions/${i.id}/${i.token}/callback`,
  editOriginal:
    (i: InteractionRef): CallPredicate =>
    (c) =>
      c.method === 'PATCH' && c.route === `/webhooks/${i.application_id}/${i.token}/messages/@original`,
  followUp:
    (i: InteractionRef): CallPredicate =>
    (c) =>
      c.method === 'POST' && c.route === `/webhooks/${i.application_id}/${i.token}`,
  editMessage:
    (i: InteractionRef, messageId: string): CallPredicate =>
    (c) =>
      c.method === 'PATCH' && c.route === `/webhooks/${i.application_id}/${i.token}/messages/${messageId}`,
  route:
    (method: string, route: string): CallPredicate =>
    (c) =>
      c.method === method && c.route === route,
};
