/**
 * Function words that carry no topic: dropped from queries and from lexical features.
 * Question words are here too, since they say what kind of answer is wanted, not what about.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing done down during each either else ever few for from ' +
    'further get gets got had has have having he her here hers herself him himself his how i if in into is it ' +
    'its itself just let me might more most much must my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own per same shall she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up upon us very was we were what ' +
    'whatever when where whether which while who whom whose why will with within without would yet you your ' +
    'yours yourself yourselves tell know say said please many kind sort ones one like something anything ' +
    'everything nothing someone anyone everyone somewhere anywhere toward towards onto across among amongst ' +
    'around along via whereas although though unless since ago already despite unlike besides beside ' +
    'thus hence therefore however'
  ).split(' '),
);
