import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/retrieval/readQuestion.js';

describe('splitMessage', () => {
  it('drops Discord markup, links and styling', () => {
    expect(splitMessage('@everyone <@123456789012345678> who did **Sarkozy** send to <#42> Pyongyang? https://x.example/a')).toEqual({
      core: 'who did Sarkozy send to Pyongyang?',
      context: '',
      kind: 'question',
    });
  });

  it('cuts lead-ins and check tags, and reads a tagged message as a claim', () => {
    expect(splitMessage('anyone know if france actually recognizes nk or nah')).toMatchObject({ core: 'france actually recognizes nk', kind: 'statement' });
    expect(splitMessage('france has an embassy in pyongyang right?')).toMatchObject({ core: 'france has an embassy in pyongyang', kind: 'statement' });
    expect(splitMessage('i heard mitterrand recognised nk when he was president')).toMatchObject({
      core: 'mitterrand recognised nk when he was president',
      kind: 'statement',
    });
    expect(splitMessage('south korea trade with france')).toMatchObject({ core: 'south korea trade with france', kind: 'question' });
  });

  it('takes the last question of a long message as its core and the rest as context', () => {
    const message =
      'my cousin is doing an exchange semester and one of her classmates said he was from pyongyang which sounded fake to me. ' +
      'does france actually let north korean students come study there';
    expect(splitMessage(message)).toEqual({
      core: 'does france actually let north korean students come study there',
      context: 'my cousin is doing an exchange semester and one of her classmates said he was from pyongyang which sounded fake to me.',
      kind: 'question',
    });
  });

  it('keeps a question asked just before the last one with it', () => {
    const message =
      'so i just finished the aquariums of pyongyang, couldnt put it down for two days. one of the authors is french? whats the story with him politically';
    expect(splitMessage(message).core).toBe('one of the authors is french? whats the story with him politically');
  });

  it('reads a short message whole', () => {
    expect(splitMessage('Mitterrand. Did he promise recognition?')).toMatchObject({ core: 'Mitterrand. Did he promise recognition?', context: '' });
  });

  it('gives a short question that points back the sentence before it', () => {
    const message =
      'I was reading about european policy on north korea for a blog post and got confused by the french case. ' +
      'the french opened some kind of office in pyongyang. who was supposed to lead it?';
    expect(splitMessage(message).core).toBe('the french opened some kind of office in pyongyang. who was supposed to lead it?');
  });

  it('cuts hearsay lead-ins and reads them as claims', () => {
    expect(splitMessage('my teacher said france and nk have had full diplomatic relations since the 90s, is that true')).toMatchObject({
      core: 'france and nk have had full diplomatic relations since the 90s',
      kind: 'statement',
    });
  });

  it('reads a closing "is that actually true or was he exaggerating" as a check of the claim before it', () => {
    const message =
      'ok random question but my history teacher mentioned that france and north korea dont even have proper diplomatic relations?? ' +
      'like is that actually true or was he exaggerating';
    expect(splitMessage(message)).toEqual({
      core: 'france and north korea dont even have proper diplomatic relations',
      context: '',
      kind: 'statement',
    });
    // A question about someone being wrong is no check: the check only closes a claim.
    expect(splitMessage('was he wrong about the office?')).toMatchObject({ core: 'was he wrong about the office?', kind: 'question' });
  });
});
