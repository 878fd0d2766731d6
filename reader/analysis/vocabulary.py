"""English words the analysis relies on: reporting verbs, titles, pronouns.

These are facts about English news prose, not about any article: verbs that
report speech, words that make a title or a role, words that end a noun
phrase. Inflections are generated here so each list stays short.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of words written as one white-space separated string."""
    return frozenset(text.split())


# Verbs that report speech, as base forms. Irregular forms are listed below.
REPORTING_VERBS = words(
    """
    say tell add note stress claim warn announce write tweet explain insist confirm argue
    ask report state declare acknowledge admit maintain reply respond remark comment
    predict suggest contend assert observe emphasize emphasise reiterate concede complain
    caution allege deny conclude testify agree continue recall underline underscore post
    reveal disclose estimate forecast promise pledge vow boast joke quip counter retort
    charge accuse tout urge believe think describe characterize characterise assure inform
    remind indicate specify highlight mention speculate lament demand propose recommend
    signal hint blast slam criticize criticise shout yell scream whisper concur
    """
)
PHRASAL_VERBS = ("point out",)
IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "think": ("thinks", "thought", "thinking"),
    "forecast": ("forecasts", "forecast", "forecasting"),
}
# Verbs whose object (the person told) comes before what was said.
TELL_VERBS = frozenset({"tell", "inform", "assure", "remind", "ask", "urge", "warn"})
# Verbs that are only a cue when a clause follows ("agreed that ...", "believes that").
THAT_ONLY = words(
    """
    agree believe think continue estimate forecast promise pledge vow charge accuse
    describe characterize characterise indicate signal hint mention demand propose
    recommend criticize criticise blast slam tout post reveal disclose speculate lament
    highlight specify remind urge recall observe counter concur shout yell scream whisper
    underline underscore joke quip retort boast reply respond comment remark complain
    testify deny conclude predict suggest assert contend
    """
)


def _regular(verb: str) -> tuple[str, ...]:
    if " " in verb:
        head, _, rest = verb.partition(" ")
        return tuple(f"{f} {rest}" for f in (head, *_regular(head)))
    if verb.endswith("ee"):
        return (verb + "s", verb + "d", verb + "ing")
    if verb.endswith("e"):
        stem = verb[:-1]
        return (verb + "s", stem + "ed", stem + "ing")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return (verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
    if verb.endswith(("s", "sh", "ch", "x")):
        return (verb + "es", verb + "ed", verb + "ing")
    if verb in {"quip", "slam", "admit", "regret"}:
        return (verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing")
    return (verb + "s", verb + "ed", verb + "ing")


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for verb in sorted(REPORTING_VERBS) + list(PHRASAL_VERBS):
        more = IRREGULAR.get(verb) or _regular(verb)
        if " " in verb:
            forms[verb] = verb
            for f in more:
                forms[f] = verb
            continue
        for f in (verb, *more):
            forms.setdefault(f, verb)
    return forms


VERB_FORMS: dict[str, str] = _forms()
"""Every inflected form -> its base verb ("said" -> "say")."""

PARTICIPLES = frozenset(f for f in VERB_FORMS if f.split(" ")[0].endswith("ing"))

# Words between a subject and its reporting verb that belong to the cue.
AUXILIARIES = words(
    """
    has have had is was are were also later then earlier previously again further recently
    repeatedly often once would will could did does do reportedly publicly privately
    separately long has also now just already still never first last flatly angrily simply
    only even frequently 's ’s had also may might must should can not n't isn’t isn't
    wasn't wasn’t didn't didn’t doesn't doesn’t
    """
)

MODALS = words("would will could may might must should can shall")
"""A modal before a reporting verb makes it hypothetical: "he would say"."""

PRONOUNS = words("he she they we i it you")
PERSON_PRONOUNS = words("he she i")

DETERMINERS = words(
    """
    the a an another one his her their its our some many several two three other both most
    few this these those that all any each no senior top
    """
)

# Words that end a noun phrase when scanning back from a verb.
STOP_WORDS = words(
    """that which who whom whose and or but nor when while because if as after before since
    although though so than where what how why to by with without is was are were be been
    being has have had do does did not also then there here said says say told tell added
    adding saying according this these those it's its into onto upon about against between
    during through until unless whether yet once over under up down out off just only even
    very too more most less least much many such own same other every also however
    therefore meanwhile instead rather still already never always often sometimes will would
    can could may might must shall should if lest like unlike per via amid among
    toward towards despite including"""
)

# Prepositions that may sit inside a name or a role ("Bank of England", "reporter for X").
NAME_PREPOSITIONS = frozenset({"of", "for", "at", "from", "in", "on", "de", "del", "la", "da"})

# Leading words that are not part of the speaker's phrase.
LEADING_NOISE = words(
    """on in at of for from but and so now still yet however meanwhile also then today
    yesterday tonight earlier later monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec last this next thus instead indeed
    separately similarly finally first second overall morning afternoon evening night week
    month year"""
)

# Title and role words: they belong to a role, not to a name.
TITLES = words(
    """minister ministers fm pm president vice prime foreign affairs secretary state
    chancellor governor gov gov. senator sen sen. representative rep rep. congressman
    congresswoman spokesman spokeswoman spokesperson spokespeople chairman chairwoman chair
    director ceo cfo coo chief executive head leader ambassador envoy general gen gen.
    lt lt. col col. adm adm. maj maj. capt capt. sgt sgt. judge justice mayor deputy
    assistant under undersecretary commissioner official officer analyst economist
    professor prof prof. dr dr. mr mr. mrs mrs. ms ms. king queen prince princess pope
    sheikh emir president-elect candidate nominee democrat republican democratic
    republican presidential former acting interim incoming outgoing senior top lawyer
    attorney counsel adviser advisor aide strategist pollster manager founder
    co-founder partner member speaker leader whip majority minority house senate
    campaign press staff staffer commander defence defense interior finance trade
    economy economic energy agriculture health justice treasury labor labour commerce
    industry education transport culture environment security national intelligence
    council committee secretary-general sec sec. lord lady sir dame rev rev. reverend
    bishop archbishop cardinal father imam rabbi host anchor reporter correspondent
    editor columnist writer author activist lawmaker legislator delegate mp mep
    regional federal county city district attorney-general ag gov't military army navy
    force air marine police superintendent inspector sheriff detective agent special
    principal vice-president vp gop dem dems longtime veteran fellow mrs."""
)

# A name containing one of these words names an organisation.
ORG_WORDS = words(
    """ministry department agency bank party committee commission council office corp
    corp. corporation inc inc. ltd ltd. plc co co. company association university
    institute house kremlin pentagon journal times post news press network
    campaign foundation center centre fund group union court congress senate parliament
    police service services organization organisation administration government
    bureau board authority authorities exchange federation league alliance coalition
    embassy consulate mission reuters tass xinhua interfax bloomberg afp cnn msnbc
    fox abc cbs nbc npr bbc magazine newspaper daily weekly television radio tv
    channel website blog review tribune herald gazette telegraph guardian observer
    globe chronicle inquirer examiner reporter times-picayune securities holdings
    industries group airlines airways motors systems technologies foundation trust
    institution club society team staff army navy military forces ministry-level
    cabinet firm firms"""
)

# Common nouns that name a source ("officials said", "a spokesman added").
SOURCE_NOUNS = words(
    """official officials source sources spokesman spokeswoman spokesperson
    spokespeople analyst analysts expert experts economist economists dealer dealers
    trader traders banker bankers diplomat diplomats aide aides adviser advisers advisor
    advisors minister ministry government report reports statement poll polls survey
    surveys study studies data figures agency company firm group campaign campaigns
    reporter reporters people residents witnesses critics supporters opponents observers
    lawyer lawyers attorney attorneys executive executives leader leaders lawmakers
    democrats republicans voters officer officers police president committee newspaper
    paper magazine website network member members authorities administration
    department office bank union union's organization council commission court
    judge investigators prosecutors researchers scientists doctors industry"""
)

ABBREVIATIONS = words(
    """mr mrs ms dr prof gen lt col adm maj capt sgt sen rep gov st jr sr inc corp ltd co
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc mt ft rev u.s u.k u.n
    e.u a.m p.m d.c n.y l.a"""
)

# Household names of news organisations (a one-word source that is not a surname).
NEWS_ORGS = words(
    """reuters tass xinhua interfax bloomberg afp ap cnn msnbc bbc npr politico axios
    breitbart ria sputnik"""
)


def names(text: str) -> frozenset[str]:
    """A set of lower-case names, one or more words each, written one per line or comma."""
    items = text.replace("\n", ",").split(",")
    return frozenset(" ".join(n.split()).lower() for n in items if n.strip())


# States, their capitals used for their governments, and blocs: a source named by one
# of these alone speaks for an organisation ("Mexico said", "Beijing warned"), never a
# person. Capitals that are common surnames or given names (Washington, Victoria) are left out.
PLACES = names(
    """
    Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria,
    Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin,
    Bhutan, Bolivia, Bosnia, Bosnia and Herzegovina, Botswana, Brazil, Britain, Brunei,
    Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon, Canada, Cape Verde,
    Central African Republic, Chile, China, Colombia, Comoros, Congo, Costa Rica,
    Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Djibouti, Dominican Republic,
    East Timor, Ecuador, Egypt, El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini,
    Ethiopia, Fiji, Finland, France, Gabon, Gambia, Germany, Ghana, Greece, Grenada,
    Guatemala, Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hong Kong, Hungary, Iceland,
    India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Ivory Coast, Jamaica, Japan,
    Kazakhstan, Kenya, Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia,
    Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi, Malaysia, Maldives,
    Mali, Malta, Mauritania, Mauritius, Mexico, Moldova, Monaco, Mongolia, Montenegro,
    Morocco, Mozambique, Myanmar, Namibia, Nepal, Netherlands, New Zealand, Nicaragua,
    Niger, Nigeria, North Korea, North Macedonia, Norway, Oman, Pakistan, Palestine, Panama,
    Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia,
    Rwanda, Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia,
    Slovenia, Somalia, South Africa, South Korea, South Sudan, Spain, Sri Lanka, Sudan,
    Suriname, Sweden, Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo,
    Trinidad and Tobago, Tunisia, Turkey, Turkiye, Turkmenistan, Uganda, Ukraine,
    United Arab Emirates, United Kingdom, United States, United States of America,
    Uruguay, Uzbekistan, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe,
    Abu Dhabi, Ankara, Athens, Baghdad, Beijing, Berlin, Brasilia, Brussels, Budapest,
    Buenos Aires, Cairo, Caracas, Damascus, Doha, Hanoi, Havana, Islamabad, Jakarta,
    Kabul, Kiev, Kyiv, Madrid, Manila, Mexico City, Minsk, Moscow, Nairobi, New Delhi,
    Ottawa, Paris, Pretoria, Pyongyang, Rabat, Riyadh, Rome, Seoul, Taipei, Tehran,
    Tokyo, Warsaw, Kremlin, Pentagon, Whitehall, Downing Street,
    European Union, European Commission, NATO, OPEC, OPEC+, ASEAN, African Union, BRICS,
    Mercosur, G7, G20
    """
)


# Given names common in English-language news, to tell "he" from "she".
FEMALE_NAMES = words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole samantha katherine christine debra rachel catherine carolyn janet
    ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
    joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann
    teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea nikki condoleezza madeleine nancy elena
    sonia ruth kamala theresa angela marine federica ursula christine janet jill melania
    ivanka kellyanne huma hope sheryl michele tulsi elise susana carly donna debbie
    """
)
MALE_NAMES = words(
    """
    james robert john michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis barack bill mike mitt
    bernie ted marco rudy newt chris jeb rand reince sergei sergey vladimir dmitry dmitri
    xi emmanuel boris tony jean-claude hassan benjamin recep narendra shinzo justin
    """
)
