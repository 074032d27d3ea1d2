// General English word lists the engine reasons with. Nothing here is specific to any
// article: these are the closed classes (function words, negators, modals) and a small
// thesaurus of news-reporting vocabulary.

/**
 * A word table with nothing behind it: looking up a word that is not in it, even
 * "constructor", finds nothing (a plain object literal would find Object.prototype's).
 */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export const STOPWORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto upon about above below over under ' +
    'between among through during before after since until while as than so such that this these those there here ' +
    'it its itself he him his himself she her hers herself they them their theirs themselves we us our ours ourselves ' +
    'you your yours yourself i me my mine myself who whom whose which what when where why how whether ' +
    'be is am are was were been being have has had having do does did doing ' +
    'can could may might must shall should will would ought ' +
    'also just only even still yet already very really quite too much many more most some any all each every both ' +
    'either one ones other others another own same s t per via up down out off again further once among ' +
    'said says say saying told tell tells telling according added adding noted noting ' +
    'mr mrs ms dr sir' +
    ' because though although however whereas thus hence therefore meanwhile instead rather perhaps maybe ' +
    'let lets get got go going gone come comes came make made take took taken well likely probably possibly'
  ).split(/\s+/),
);

/** Words that turn what follows in their clause into its opposite. */
export const NEGATORS = new Set([
  'not', 'no', 'never', 'neither', 'nor', 'without', 'none', 'nothing', 'nobody', 'nowhere', 'cannot',
]);
/** Verbs whose object is denied or avoided ("refused to …", "dismissed the need"). Stems. */
export const NEGATING_VERBS = new Set([
  'refus', 'reject', 'deni', 'deny', 'dismiss', 'fail', 'avoid', 'refrain', 'declin', 'oppos', 'lack', 'rebuf',
]);
/** "not only … but also", "not just": contrast, not negation. */
export const NON_NEGATING_AFTER_NOT = new Set(['only', 'just', 'merely', 'simply', 'if', 'least', 'least', 'far', 'yet']);

export const MODAL_WORDS: Record<string, 'prediction' | 'possibility' | 'necessity' | 'desire' | 'belief'> = table({
  will: 'prediction', would: 'prediction', shall: 'prediction', going: 'prediction',
  could: 'possibility', might: 'possibility', may: 'possibility', possible: 'possibility', possibly: 'possibility',
  likely: 'possibility', probably: 'possibility', perhaps: 'possibility', potential: 'possibility',
  must: 'necessity', necessary: 'necessity', necessity: 'necessity', need: 'necessity', needed: 'necessity',
  needs: 'necessity', prerequisite: 'necessity', required: 'necessity', requirement: 'necessity', essential: 'necessity',
  want: 'desire', wants: 'desire', wish: 'desire', hope: 'desire', hopes: 'desire',
  believe: 'belief', believes: 'belief', believed: 'belief', think: 'belief', thinks: 'belief', expect: 'belief',
});

/** Verbs that introduce reported speech. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'warned', 'warns',
  'announced', 'announces', 'declared', 'claimed', 'claims', 'insisted', 'insists', 'argued', 'argues', 'wrote',
  'writes', 'posted', 'tweeted', 'stressed', 'suggested', 'suggests', 'described', 'called', 'asked', 'replied',
  'explained', 'acknowledged', 'admitted', 'confirmed', 'confirms', 'denied', 'joked', 'signalled', 'signaled',
  'indicated', 'revealed', 'promised', 'pledged', 'urged', 'asserted', 'remarked', 'responded', 'countered',
]);

/** Titles and roles that precede a person's name. */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'general', 'special', 'envoy', 'first', 'lady',
  'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope',
  'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'chief', 'commander', 'ambassador', 'spokesman', 'spokeswoman',
  'spokesperson', 'director', 'judge', 'justice', 'speaker', 'leader', 'chairman', 'chairwoman', 'chair', 'ceo',
  'aide', 'adviser', 'advisor', 'foreign', 'defence', 'defense', 'deputy', 'state', 'premier', 'colonel', 'captain',
  'officer', 'official', 'commissioner', 'head', 'emir', 'sheikh', 'crown', 'supreme', 'attorney', 'gen', 'lt',
]);

/** Last words of organisation names. */
export const ORG_WORDS = new Set([
  'house', 'court', 'commission', 'union', 'council', 'ministry', 'department', 'agency', 'bank', 'party',
  'parliament', 'congress', 'senate', 'journal', 'news', 'times', 'post', 'organization', 'organisation',
  'association', 'alliance', 'committee', 'fund', 'institute', 'university', 'corporation', 'company', 'group',
  'office', 'service', 'forces', 'army', 'navy', 'assembly', 'federation', 'league', 'network', 'press', 'reuters',
  'social', 'nations', 'pentagon', 'kremlin', 'command', 'guard', 'police', 'tribunal', 'board', 'authority',
]);

export const WEEKDAYS_MONTHS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday',
]);

/** Name particles that stay lower case inside a name (Ursula von der Leyen). */
export const NAME_PARTICLES = new Set(['von', 'der', 'van', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ibn', 'dos', 'das']);

/**
 * A small thesaurus of reporting vocabulary: words in one group count as the same term when
 * two statements are compared. Groups are kept narrow on purpose: a "deal" is not a
 * "ceasefire", so they are never grouped.
 */
export const SYNONYM_GROUPS: string[][] = [
  ['meeting', 'meet', 'summit', 'talks', 'talk', 'session', 'encounter', 'sitdown'],
  ['trilateral', 'threeway', 'three-way', 'tripartite'],
  ['bilateral', 'oneonone', 'one-on-one', 'twoway', 'two-way', 'face-to-face'],
  ['quadrilateral', 'fourway', 'four-way'],
  ['conversation', 'discussion', 'discuss', 'speak', 'spoke', 'spoken', 'chat', 'dialogue', 'phone', 'call'],
  ['help', 'assist', 'assistance', 'aid', 'support'],
  ['guarantee', 'guarantees', 'assurance', 'assurances', 'pledge', 'safeguard'],
  ['reject', 'refuse', 'rebuff', 'rebuffed', 'spurn'],
  ['end', 'stop', 'halt', 'finish', 'cease', 'conclude'],
  ['war', 'conflict', 'fighting', 'hostilities', 'combat'],
  ['quickly', 'immediately', 'soon', 'fast', 'rapidly', 'swiftly', 'quick', 'promptly'],
  ['believe', 'think', 'reckon', 'feel'],
  ['want', 'wish', 'desire', 'eager'],
  ['thank', 'thanks', 'gratitude', 'grateful', 'thankful', 'appreciation', 'appreciate', 'appreciative'],
  ['criticism', 'criticize', 'criticise', 'admonish', 'upbraid', 'rebuke', 'scold', 'reprimand', 'berate', 'chastise', 'lambast'],
  ['involve', 'involved', 'participate', 'participation', 'engage', 'engaged', 'contribute'],
  ['necessary', 'necessity', 'prerequisite', 'requirement', 'required', 'essential', 'precondition'],
  ['optimistic', 'optimism', 'hopeful', 'upbeat', 'confident'],
  ['cautious', 'wary', 'careful', 'guarded'],
  ['aggression', 'invasion', 'attack', 'assault', 'incursion'],
  ['troops', 'soldiers', 'forces', 'personnel'],
  ['weapons', 'arms', 'weaponry', 'armaments', 'munitions'],
  ['purchase', 'buy', 'acquire', 'procure'],
  ['propose', 'proposal', 'suggest', 'suggestion', 'offer', 'floated'],
  ['agree', 'accept', 'consent', 'acceded'],
  ['disaster', 'catastrophe', 'fiasco', 'debacle', 'shambles'],
  ['territory', 'territories', 'land', 'region', 'regions'],
  ['concession', 'concessions', 'compromise'],
  ['warm', 'warmer', 'convivial', 'cordial', 'friendly', 'amicable'],
  ['ceasefire', 'truce', 'armistice', 'cease-fire'],
  ['deal', 'agreement', 'accord', 'pact', 'settlement'],
  ['breakthrough', 'milestone'],
  ['deploy', 'deployment', 'send', 'station'],
  ['protection', 'security', 'defense', 'defence'],
  ['president', 'presidents', 'leader', 'leaders'],
  ['important', 'crucial', 'vital', 'critical', 'key', 'significant', 'pivotal'],
  ['disadvantage', 'detrimental', 'harmful', 'undesirable'],
  ['advantage', 'desirable', 'beneficial', 'favourable', 'favorable'],
  ['strategically', 'strategic', 'tactically'],
  ['reporters', 'journalists', 'media'],
  ['european', 'europe', 'europeans'],
];

/** Thesaurus groups of opposite sense: one side's word negates the other's ("a disadvantage" ~ "not desirable"). */
export const ANTONYM_GROUPS: [string, string][] = [
  ['disadvantage', 'advantage'],
  ['reject', 'agree'],
  ['optimistic', 'cautious'],
];

/** The antonym groups as the terms a sentence holds for them ("g:" + group word). */
export const ANTONYM_TERMS: readonly (readonly [string, string])[] = ANTONYM_GROUPS.map(([x, y]) => ['g:' + x, 'g:' + y] as const);

/** Irregular inflections -> base form, applied before stemming. */
export const IRREGULAR: Record<string, string> = table({
  said: 'say', says: 'say', told: 'tell', spoke: 'speak', spoken: 'speak', met: 'meet', thought: 'think', began: 'begin',
  begun: 'begin', took: 'take', taken: 'take', made: 'make', held: 'hold', went: 'go', gone: 'go', came: 'come',
  gave: 'give', given: 'give', knew: 'know', known: 'know', saw: 'see', seen: 'see', led: 'lead', left: 'leave',
  felt: 'feel', kept: 'keep', brought: 'bring', sought: 'seek', won: 'win', lost: 'lose', got: 'get', struck: 'strike',
  wrote: 'write', written: 'write', was: 'be', were: 'be', is: 'be', are: 'be', been: 'be', am: 'be', being: 'be',
  has: 'have', had: 'have', did: 'do', does: 'do', done: 'do', stood: 'stand', sent: 'send', built: 'build',
  paid: 'pay', meant: 'mean', ran: 'run', fought: 'fight', bought: 'buy', caught: 'catch', taught: 'teach',
  chose: 'choose', chosen: 'choose', drove: 'drive', driven: 'drive', fell: 'fall', fallen: 'fall', flew: 'fly',
  grew: 'grow', grown: 'grow', hid: 'hide', rose: 'rise', risen: 'rise', sold: 'sell', spent: 'spend', shot: 'shoot',
  threw: 'throw', thrown: 'throw', wore: 'wear', broke: 'break', broken: 'break', forgot: 'forget', froze: 'freeze',
  frozen: 'freeze', swapped: 'swap', men: 'man', women: 'woman', people: 'person', children: 'child',
  defence: 'defense', offence: 'offense', licence: 'license', signalled: 'signal', signalling: 'signal',
});

/** Country and place knowledge: demonyms, and the places a capital or seat of power stands for. */
export const DEMONYMS: Record<string, string> = table({
  american: 'united states', us: 'united states', usa: 'united states', america: 'united states',
  british: 'united kingdom', britain: 'united kingdom', uk: 'united kingdom', english: 'united kingdom',
  ukrainian: 'ukraine', russian: 'russia', french: 'france', german: 'germany', italian: 'italy', finnish: 'finland',
  polish: 'poland', spanish: 'spain', chinese: 'china', japanese: 'japan', indian: 'india', canadian: 'canada',
  israeli: 'israel', iranian: 'iran', turkish: 'turkey', dutch: 'netherlands', swedish: 'sweden', danish: 'denmark',
  norwegian: 'norway', belgian: 'belgium', austrian: 'austria', swiss: 'switzerland', greek: 'greece',
  hungarian: 'hungary', czech: 'czech republic', romanian: 'romania', estonian: 'estonia', latvian: 'latvia',
  lithuanian: 'lithuania', belarusian: 'belarus', georgian: 'georgia', korean: 'korea', brazilian: 'brazil',
  mexican: 'mexico', australian: 'australia', saudi: 'saudi arabia', egyptian: 'egypt', syrian: 'syria',
  palestinian: 'palestine', irish: 'ireland', portuguese: 'portugal', european: 'europe',
});

/** Capitals and seats of power that stand for their country in news prose. */
export const METONYMS: Record<string, string> = table({
  washington: 'united states', 'white house': 'united states', moscow: 'russia', kremlin: 'russia', kyiv: 'ukraine',
  kiev: 'ukraine', london: 'united kingdom', 'downing street': 'united kingdom', paris: 'france', elysee: 'france',
  berlin: 'germany', rome: 'italy', helsinki: 'finland', beijing: 'china', tokyo: 'japan', brussels: 'europe',
  warsaw: 'poland', ankara: 'turkey', tehran: 'iran', jerusalem: 'israel', ottawa: 'canada', pentagon: 'united states',
});

export const COUNTRIES = new Set([
  'afghanistan', 'albania', 'algeria', 'argentina', 'armenia', 'australia', 'austria', 'azerbaijan', 'belarus',
  'belgium', 'bolivia', 'bosnia', 'brazil', 'bulgaria', 'cambodia', 'canada', 'chile', 'china', 'colombia', 'croatia',
  'cuba', 'cyprus', 'czech republic', 'denmark', 'egypt', 'estonia', 'ethiopia', 'finland', 'france', 'georgia',
  'germany', 'greece', 'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland', 'israel', 'italy', 'japan',
  'jordan', 'kazakhstan', 'kenya', 'korea', 'north korea', 'south korea', 'kosovo', 'latvia', 'lebanon', 'libya',
  'lithuania', 'luxembourg', 'moldova', 'mexico', 'montenegro', 'morocco', 'netherlands', 'new zealand', 'nigeria',
  'norway', 'pakistan', 'palestine', 'peru', 'philippines', 'poland', 'portugal', 'qatar', 'romania', 'russia',
  'saudi arabia', 'serbia', 'slovakia', 'slovenia', 'south africa', 'spain', 'sudan', 'sweden', 'switzerland', 'syria',
  'taiwan', 'thailand', 'turkey', 'ukraine', 'united arab emirates', 'united kingdom', 'united states', 'venezuela',
  'vietnam', 'yemen', 'europe', 'asia', 'africa', 'america', 'britain', 'england', 'scotland', 'wales', 'gaza',
  'crimea', 'donbas', 'donbass', 'kashmir', 'tibet', 'siberia', 'catalonia', 'west bank', 'balkans', 'baltics',
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada',
  'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma',
  'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah', 'vermont',
  'virginia', 'west virginia', 'wisconsin', 'wyoming',
]);

/** Prepositions after which an unknown capitalised word is most likely a place. */
export const LOCATIVE = new Set(['in', 'from', 'to', 'near', 'across', 'into', 'at', 'around', 'outside', 'inside', 'towards', 'toward']);

/**
 * Very common English content words. In a small index every word looks rare; these are
 * weighed down so that sharing "time" or "express" is not taken for sharing a claim.
 */
export const COMMON_WORDS = (
  'time year years people way day days thing things man men world life hand part child eye woman place work week weeks case ' +
  'point government company number group problem fact home room area money story month months lot right study book job word ' +
  'business issue side kind head house service friend father power hour game line end member law car city community name ' +
  'president team minute idea body information back parent face others level office door health person art war history ' +
  'party result change morning reason research girl guy moment air teacher force education foot boy age policy process ' +
  'music market sense nation plan college interest death experience effect use class control care field development role ' +
  'effort rate heart drug show leader light voice wife police mind price report decision son view relationship town road ' +
  'arm difference value building action model season society tax director position player record paper space ground form ' +
  'event official matter center couple site project activity star table need court oil situation cost industry figure ' +
  'street image phone data picture practice piece land product doctor wall patient worker news test movie north love ' +
  'support technology step baby computer type attention film tree source organization hair window evidence population ' +
  'make know think take see come want look use find give tell call try ask need feel become leave put mean keep begin ' +
  'seem help show hear play run move live believe bring happen write provide sit stand lose pay meet include continue ' +
  'set learn change lead understand watch follow stop create speak read spend grow open walk win offer remember love ' +
  'consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass sell require ' +
  'report decide pull express describe note add state claim argue agree question answer start turn hold face return ' +
  'new good first last long great little own old right big high different small large next early young important few ' +
  'public bad same able best better sure free true whole real full clear certain major recent current past possible ' +
  'likely late hard strong final main several second third'
).split(/\s+/);
