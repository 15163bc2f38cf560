import { describe, expect, it } from 'vitest';
import { numberReferences, placeMarkers } from '../../src/wikipedia/numberReferences.js';

describe('numberReferences', () => {
  it('numbers references at first use; a reused name keeps its number, even when used before it is defined', () => {
    const wikitext = [
      'Alpha.<ref name="a"/> Beta.<ref>Plain</ref> Gamma.<ref name=a>{{cite web|title=A}}</ref>',
      'Delta.<ref name=\'b\'>B</ref><ref name="a" /> Eps.<!-- <ref>hidden</ref> --><ref group="note">A note</ref>',
      'Zeta.<ref name="undefined"/>',
    ].join('\n');
    const { text, references } = numberReferences(wikitext);
    expect(placeMarkers(text)).toBe('Alpha.[1] Beta.[2] Gamma.[1]\nDelta.[3][1] Eps.\nZeta.');
    expect(references).toEqual([
      { n: 1, wikitext: '{{cite web|title=A}}', uses: 3 },
      { n: 2, wikitext: 'Plain', uses: 1 },
      { n: 3, wikitext: 'B', uses: 1 },
    ]);
  });

  it('reads list-defined references as definitions, not uses', () => {
    const { text, references } = numberReferences('Alpha.<ref name="x"/>\n{{reflist|refs=\n<ref name="x">X</ref>\n}}');
    expect(placeMarkers(text)).toBe('Alpha.[1]\n{{reflist|refs=\n\n}}');
    expect(references).toEqual([{ n: 1, wikitext: 'X', uses: 1 }]);
  });

  it('does not take a notes list for the reference list', () => {
    const { text, references } = numberReferences('A.<ref group=note>N</ref>\n{{notelist}}{{reflist|group=note}}\nB.<ref>Source B</ref>\n{{reflist}}');
    expect(placeMarkers(text)).toBe('A.\n{{notelist}}{{reflist|group=note}}\nB.[1]\n{{reflist}}');
    expect(references).toEqual([{ n: 1, wikitext: 'Source B', uses: 1 }]);
  });

  it('reads {{r}} and {{sfn}} as references and {{citation needed}} as its marker', () => {
    const { text, references } = numberReferences(
      'A.<ref name="a">Source A</ref> B.{{r|a}} C.{{sfn|Smith|Jones|2001|p=3}} D.{{Sfn|Smith|Jones|2001|p=3}} E.{{sfnp|Lee|1999|pp=4–5}} F.{{citation needed|date=May 2020}} G.{{cn}}',
    );
    expect(placeMarkers(text)).toBe('A.[1] B.[1] C.[2] D.[2] E.[3] F.[citation needed] G.[citation needed]');
    expect(references.map((r) => [r.n, r.wikitext, r.uses])).toEqual([
      [1, 'Source A', 2],
      [2, 'Smith, Jones 2001, p. 3.', 2],
      [3, 'Lee 1999, pp. 4–5.', 1],
    ]);
  });

  it('puts a marker right after its word', () => {
    expect(placeMarkers('Alpha \u20451\u2046\u20452\u2046 beta')).toBe('Alpha[1][2] beta');
  });
});
