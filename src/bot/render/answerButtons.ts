import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';

/** What a button under an answer does. */
export type AnswerAction = 'more' | 'follow' | 'up' | 'down';

const PREFIX = 'answer';

/** The custom id of an answer button: `answer:<action>:<answer id>` (well under Discord's 100 characters). */
export function answerButtonId(action: AnswerAction, answerId: string): string {
  return `${PREFIX}:${action}:${answerId}`;
}

/** Reads a custom id made by `answerButtonId`; null for any other id. */
export function parseAnswerButtonId(customId: string): { action: AnswerAction; answerId: string } | null {
  const m = /^answer:(more|follow|up|down):([\w-]{1,64})$/.exec(customId);
  return m ? { action: m[1] as AnswerAction, answerId: m[2]! } : null;
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
