/**
 * How people write in chat, for reading questions: short forms that carry meaning (expanded to
 * the words they stand for) and filler that carries none (dropped). General English chat usage,
 * not words of any one document: acronyms of names come from the corpus itself (`acronymsIn`).
 */

/** Chat forms and their expansions; `|` separates readings that are equally likely ("fm"). */
export const CHAT_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ppl: 'people',
    ppls: 'people',
    govt: 'government',
    govts: 'governments',
    gov: 'government',
    pres: 'president',
    prez: 'president',
    fm: 'foreign ministry|foreign minister',
    pm: 'prime minister',
    intl: 'international',
    natl: 'national',
    dept: 'department',
    org: 'organization',
    orgs: 'organizations',
    assoc: 'association',
    info: 'information',
    econ: 'economy',
    uni: 'university',
    prof: 'professor',
    profs: 'professors',
    ambo: 'ambassador',
    amb: 'ambassador',
    rep: 'representative',
    reps: 'representatives',
    sec: 'secretary',
    yr: 'year',
    yrs: 'years',
    abt: 'about',
    smth: 'something',
    sth: 'something',
    smn: 'someone',
    b4: 'before',
    msg: 'message',
    pic: 'picture',
    pics: 'pictures',
    convo: 'conversation',
    approx: 'approximately',
    esp: 'especially',
    tho: 'though',
    bc: 'because',
    cuz: 'because',
    coz: 'because',
    u: 'you',
    ur: 'your',
    r: 'are',
    ya: 'you',
    rn: 'right now',
    irl: 'in real life',
    nah: 'no',
    w: 'with',
    wo: 'without',
    // Contractions typed without the apostrophe (and their usual misspellings).
    dont: 'do not',
    doesnt: 'does not',
    dosnt: 'does not',
    didnt: 'did not',
    isnt: 'is not',
    wasnt: 'was not',
    werent: 'were not',
    arent: 'are not',
    cant: 'can not',
    wont: 'will not',
    couldnt: 'could not',
    wouldnt: 'would not',
    shouldnt: 'should not',
    hasnt: 'has not',
    havent: 'have not',
    hadnt: 'had not',
    im: 'i am',
    ive: 'i have',
    youre: 'you are',
    theyre: 'they are',
    thats: 'that is',
    whats: 'what is',
    wats: 'what is',
    wat: 'what',
    wut: 'what',
    whos: 'who is',
    hows: 'how is',
    wheres: 'where is',
    whens: 'when is',
  }),
);

/** Words that say nothing about what is asked: chat noise, hedges, and talk about asking. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'lol lmao lmfao rofl ngl tbh imo imho idk iirc afaik fwiw btw fyi pls plz please ok okay anyway anyways ' +
    'actually basically literally really just even kinda sorta guys hey hi hello thanks thx ty hmm um uh ' +
    'yeah yep yup apparently honestly seriously wondering curious assume heard guess wonder think thought ' +
    'someone anyone anybody somebody stuff gonna wanna gotta lemme dunno omg smh bro dude quick question ' +
    'q maybe probably pretty sure speaking supposed'
  ).split(' '),
);

/**
 * Tags that turn a statement into a check ("…, right?", "… or nah"): removed from the end of a
 * message, which is then read as a claim to find passages on.
 */
export const CHECK_TAGS: readonly RegExp[] = [
  /[,\s]*\b(?:right|correct|true|yes|yeah|no|isn'?t it|aren'?t they|wasn'?t it|didn'?t they|don'?t they|or not|or nah|am i right|is that right|is that true|i think|i believe|i guess|apparently|tho|though)\s*[?!.]*\s*$/i,
  // A closing sentence that only asks whether the claim before it holds: "like is that actually
  // true or was he exaggerating".
  /[,.?!\s]*\b(?:like |so |but )?(?:is (?:that|this|it) (?:actually |really |even )?(?:true|right|correct|a thing)|(?:was|is|are|were) (?:he|she|they|it) (?:just )?(?:exaggerating|wrong|right|lying|making (?:it|that|this) up))(?:,? or (?:was|is|are|were) (?:he|she|they|it) (?:just )?(?:exaggerating|wrong|right|lying|making (?:it|that|this) up))?\s*[?!.]*\s*$/i,
];

/** Phrases at the start of a message that only announce a question or a claim. */
export const LEAD_INS: readonly RegExp[] = [
  /^(?:(?:ok|okay|so|hey|hi|hello|yo|um|uh|well|anyway|also|and|but|btw|(?:(?:random|dumb|stupid|silly|quick|honest|weird|serious) )?question)[,:!\s]+)+/i,
  /^(?:does|do|did|can|could) (?:any|some)(?:one|body) (?:here )?(?:know|tell me|remember|have any idea)(?: if| whether| what| when| who| why| how| where)?[,:\s]+/i,
  /^(?:any|some)(?:one|body) (?:here )?(?:know|knows|remember)(?: if| whether)?[,:\s]+/i,
  /^(?:i (?:heard|read|think|believe|thought|assume|guess|wonder|was wondering|am wondering|saw)|i'?m (?:wondering|curious)|was wondering|wondering|curious)(?: that| if| whether| about)?[,:\s]+/i,
  /^(?:is it true|is it right|is it correct) (?:that )?/i,
  // Hearsay: "my teacher said (that) …", "people say …".
  /^(?:(?:my|our|a|some|this|the) \w+(?: \w+)? (?:said|says|told me|told us|mentioned|claims?|claimed|thinks?|reckons?|swears?|insists?|insisted)|(?:ppl|people|everyone|everybody|they|someone|somebody) (?:say|says|said|claim|claims|think|thinks))(?: that)?[,:\s]+/i,
];
