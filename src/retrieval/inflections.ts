/** A lemma and its regular inflections: "abandon" → abandons, abandoned, abandoning, … */
export function inflections(lemma: string): string[] {
  const last = lemma.at(-1) ?? '';
  const stemE = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const forms = [lemma, `${lemma}s`, `${lemma}es`, `${stemE}ed`, `${stemE}ing`, `${lemma}${last}ed`, `${lemma}${last}ing`, `${stemE}er`, `${stemE}ers`];
  if (lemma.endsWith('y')) forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`);
  return forms;
}
