import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';

/** What a button under an answer does. */
export type AnswerAction = 'more' | 'follow' | 'up' | 'down';

const PREFIX = 'answer';

/** The custom id of an answer button: `answer:<action>:<answer id>` (well under Discord's 100 characters). */
export function answerButtonId(action: AnswerAction, answerId: string): string {
  return `${PREFIX}:${action}:${answerId}`;
}

/** What an answer button asks for: an action on the answer, or the page before or after `page` (0-based). */
export type AnswerButton =
  { readonly action: AnswerAction; readonly answerId: string } | { readonly action: 'page'; readonly answerId: string; readonly page: number };

/** Reads a custom id made by `answerButtonId` or `pagerButtons`; null for any other id. */
export function parseAnswerButtonId(customId: string): AnswerButton | null {
  const m = /^answer:(more|follow|up|down):([\w-]{1,64})$/.exec(customId);
  if (m) return { action: m[1] as AnswerAction, answerId: m[2]! };
  const turn = /^page:(\d{1,3}):(back|next):([\w-]{1,64})$/.exec(customId);
  if (!turn) return null;
  return { action: 'page', answerId: turn[3]!, page: Number(turn[1]) + (turn[2] === 'next' ? 1 : -1) };
}

/** ◀ and ▶ for page `page` (0-based) of `pages`, each disabled at its end. */
export function pagerButtons(answerId: string, page: number, pages: number): APIActionRowComponent<APIButtonComponent> {
  const arrow = (label: string, direction: 'back' | 'next', disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: `page:${page}:${direction}:${answerId}`,
    disabled,
  });
  return { type: ComponentType.ActionRow, components: [arrow('◀', 'back', page <= 0), arrow('▶', 'next', page >= pages - 1)] };
}

/** "More passages" (when there may be more), "Follow up" and 👍 / 👎 feedback, in one row. */
export function answerButtons(answerId: string, more: boolean): APIActionRowComponent<APIButtonComponent> {
  const button = (action: AnswerAction, style: ButtonStyle.Primary | ButtonStyle.Secondary, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    label,
    custom_id: answerButtonId(action, answerId),
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      ...(more ? [button('more', ButtonStyle.Primary, 'More passages')] : []),
      button('follow', ButtonStyle.Secondary, 'Follow up'),
      button('up', ButtonStyle.Secondary, '👍'),
      button('down', ButtonStyle.Secondary, '👎'),
    ],
  };
}
