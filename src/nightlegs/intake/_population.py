"""Who the description is about: age, sex, pregnancy, and who is writing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from nightlegs.intake._context import is_uncertain, negation
from nightlegs.intake._text import NormalisedText, normalise
from nightlegs.knowledge.phrases import FILLER_WORDS

__all__ = ["PopulationFacts", "extract_population"]

Reporter = Literal["self", "parent", "partner", "relative", "other"]

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_AGE_PATTERNS = (
    re.compile(_NUM + r"\s*(?:-|\s)?\s*(?:years?|yrs?|yr)[\s-]*old"),
    re.compile(_NUM + r"\s*(?:yo|y/o|y\.o\.|yrs?\b|year-old|yr-old)"),
    re.compile(r"\b(?:aged?|age of)\s*:?\s*" + _NUM + r"\b"),
    re.compile(
        r"\bi(?:'m|m|\s+(?:\w+ly\s+)?am)\s+(?:\w+ly\s+|just\s+|now\s+)?"
        + _NUM
        + r"\b(?!\s*(?:weeks?|wks?|months?|days?|kg|lbs?|"
        r"stone|st|cm|hours?|%|times|cups|pints|units|miles|km|minutes?|mins?|\.\d))"
    ),
    re.compile(
        r"\b(?:he|she|they|son|daughter|boy|girl|child|kid|pupil|husband|wife|partner|mum|"
        r"mother|dad|father|gran|granny|grandma|grandmother|nan|nana|grandad|granddad|"
        r"grandfather|grandpa)(?:'s| is| are| was| turned| has just turned| just turned)\s+"
        + _NUM
        + r"\b(?!\s*(?:weeks?|months?|days?|"
        r"kg|lbs?|cm|hours?|%|times))"
    ),
    re.compile(
        r"\b(?:son|daughter|boy|girl|child|kid|toddler|baby|husband|wife|partner|mum|mother|"
        r"mom|dad|father|gran|nan|grandma|grandad|brother|sister|grandson|granddaughter|pupil|"
        r"lad|lass|i|me)(?:\s+(?:in|from|at|on)\s+(?:my|our)\s+(?:class|form|team|group|"
        r"nursery|school|club|squad))?"
        r"\s*[,(]\s*(?:aged?\s*)?(\d{1,3})\s*(?:yo|y/o|yrs?|years?)?\s*[,)]"
    ),
    re.compile(r"\b(?:hes|shes|he's|she's)\s+" + _NUM + r"\b(?!\s*(?:weeks?|months?|days?|kg|%))"),
    # "my 40 year old", "our 7": not "my 6 week check", "my 3 pillows" or "my 2 year review".
    re.compile(
        r"\b(?:my|our)\s+"
        + _NUM
        + r"\b(?!\s*-?\s*(?:weeks?|wks?|days?|months?|mths?|hours?|hrs?|minutes?|mins?|"
        r"nights?|kg|kilos?|lbs?|pounds?|stone|st|cm|%|pillows?|times|tablets?|pills?|"
        r"cups?|pints?|units?|miles?|km|steps?|stairs|o'?clock|am|pm)\b)"
        r"(?!\s*-?\s*(?:years?|yrs?)[\s-]*(?:check|review|appointment|scan|follow|anniversary))"
    ),
)
_DECADE = re.compile(
    r"\bin (?:my|his|her|their) (early |mid |late |mid-)?(twenties|thirties|"
    r"forties|fifties|sixties|seventies|eighties|nineties|[2-9]0'?s)"
)
_DECADE_VALUE = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
_PREGNANT = re.compile(
    r"\b(pregnant|pregnancy|preggo|preggers|expecting a baby|expecting my|trimester|"
    r"weeks gone|my bump|antenatal|midwife|(?:i'm|i am|im|at|she's|she is)\s*\d{1,2}\s*"
    r"(?:weeks|wks|wk)(?! ago| old)|\d{1,2}\s*(?:weeks|wks)\s*(?:pregnant|along|gone))\b"
    r"|^\W*\d{1,2}\s*(?:weeks|wks)\b(?! ago| old| since| after| post)"
)
#: A pregnancy told as history ("since my second pregnancy", "after my last pregnancy",
#: "a pregnancy 20 years ago") is not a pregnancy now.
_PAST_PREGNANCY_BEFORE = re.compile(
    r"\b(?:since|after|following|from)\s+(?:my|her|the|each|every|both)?\s*"
    r"(?:\w+\s+)?$|"
    r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th|last|previous|earlier|older|both|all|"
    r"two|three|several|past|former)\s+$"
)
_PAST_PREGNANCY_AFTER = re.compile(r"^\w*\s*(?:\w+\s+){0,3}(?:years?|yrs?|decades?)\s+ago\b")
#: ... unless it goes on ("since my pregnancy started", "since my pregnancy began").
_PREGNANCY_GOES_ON = re.compile(r"^\s*(?:started|began|begun|kicked in|onwards|is|has)\b")
#: Older than this, a pregnancy is not plausible and a mention is history or a comparison.
_PREGNANCY_AGE_LIMIT = 55

_PREGNANCY_WEEK = re.compile(
    r"\b(\d{1,2})\s*(?:weeks?|wks?)\s*(?:pregnant|gone|along|gestation)|"
    r"\b(?:at|i am|i'm|im)\s*(\d{1,2})\s*(?:weeks?|wks?)\b|"
    r"^\W*(\d{1,2})\s*(?:weeks|wks)\b"
)
_POSTPARTUM = re.compile(
    r"\b(gave birth|given birth|giving birth|"
    r"had (?:a|my|our|the) (?:(?:little|baby|new|beautiful)\s+)?"
    r"(?:baby|son|daughter|boy|girl|twins|little one)|"
    r"post-?partum|postnatal|after the birth|since the birth|newborn|"
    r"c-section|c section|caesarean|cesarean|(?:emergency|elective|planned|crash) section|"
    r"breastfeeding|delivered)\b"
)
# A teacher, coach or childminder writes about "one boy in my class" or "my pupil".
_CHILD_SUBJECT = re.compile(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,3}?(son|daughter|boy|girl|child|kid|toddler|little one|"
    r"grandson|granddaughter|stepson|stepdaughter|lad|pupil)\b"
    r"|\b(?:a|one|this|the)\s+(?:[\w-]+\s+){0,2}?(boy|girl|child|kid|lad|lass)\s+(?:in|from|at|on)"
    r"\s+(?:my|our)\s+(?:class|form|team|group|nursery|school|club|squad|care)\b"
)
_PARTNER_SUBJECT = re.compile(
    r"\b(?:my|our)\s+(husband|wife|partner|boyfriend|girlfriend|"
    r"fiance|fiancee|spouse|hubby|other half)\b"
)
_RELATIVE_SUBJECT = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:(?:my|our|the|a|this)\s+(?:\w+\s+)?)?(mum|mother|mom|dad|father|"
    r"gran|grandma|grandmother|nan|nana|nanna|grandad|granddad|grandfather|grandpa|granny|"
    r"brother|sister|aunt|auntie|uncle|cousin|friend|neighbour|neighbor|flatmate|patient|"
    r"client|resident)(?:'s|s)?\b"
)
_OLDER_SUBJECT = re.compile(
    r"\b(?:gran|grandma|grandmother|nan|nana|nanna|grandad|granddad|grandfather|grandpa|granny|"
    r"resident|care home|nursing home)\b"
)
_SMALL_CHILD = re.compile(r"\b(?:toddler|baby|infant)\b")
_HE_SHE = re.compile(r"\b(?:he|she|him|his|her|hes|shes)\b")
# "my" before a relative ("my grandad's foot") speaks of them, not of the writer.
_I_MY = re.compile(
    r"\b(?:i|me|im|ive)\b|\bmy\b(?!\s+(?:\w+\s+)?(?:mum|mother|mom|dad|father|gran|grandma|"
    r"grandmother|nan|nana|grandad|granddad|grandfather|grandpa|granny|brother|sister|aunt|"
    r"auntie|uncle|cousin|friend|husband|wife|partner|son|daughter|child|boy|girl|kid)\b)"
)
_BODY = r"(?:legs?|calf|calves|feet|foot|knees?|heels?|thighs?|shins?|back|ankles?|toes?|hips?)"
_FIRST_PERSON = re.compile(
    r"\bmy (?:left |right |other |bad )?"
    + _BODY
    + r"\b|\bi (?:get|have|feel|wake|keep|am|can|cannot|"
    r"can't|had|started|suffer|woke|often|always|also|now)\b"
)
_THIRD_PERSON = re.compile(
    r"\b(?:his|her|their) (?:left |right |other |bad |poor )?"
    + _BODY
    + r"\b|\b(?:he|she|they) (?:says|said|complains|complained|"
    r"has|had|gets|got|wakes|woke|cries|cried|is|was|keeps|kept|can|cannot|can't|seems|started|"
    r"limps|refuses|won't|will|feels|felt|tells|told)\b|\b(?:son|daughter|boy|girl|child|kid|"
    r"husband|wife|partner|mum|mother|mom|dad|father|gran|nan|grandma|grandad)\b,?\s*(?:\(?\d+"
    r"\)?,?\s*)?(?:says|complains|has|gets|wakes|woke|cries|is|keeps|can't|cannot|seems|started|"
    r"limps|refuses)\b"
)
_MALE = {
    "son",
    "boy",
    "lad",
    "grandson",
    "stepson",
    "husband",
    "boyfriend",
    "fiance",
    "hubby",
    "dad",
    "father",
    "grandad",
    "grandfather",
}
_FEMALE = {
    "daughter",
    "girl",
    "granddaughter",
    "stepdaughter",
    "wife",
    "girlfriend",
    "fiancee",
    "mum",
    "mother",
    "mom",
    "gran",
    "grandma",
    "grandmother",
    "nan",
    "granny",
}
_SELF_SEX = (
    (
        re.compile(
            r"\bi(?:'m| am|m) (?:a |an )?(?:\d+[\s-]*(?:years?|yr)[\s-]*old |\w+ )?"
            r"(woman|female|lady|girl|mum|mother|grandmother|wife)\b"
        ),
        "female",
    ),
    (
        re.compile(
            r"\bi(?:'m| am|m) (?:a |an )?(?:\d+[\s-]*(?:years?|yr)[\s-]*old |\w+ )?"
            r"(man|male|guy|bloke|boy|dad|father|grandfather|husband)\b"
        ),
        "male",
    ),
    (re.compile(r"\b(\d+)\s*(?:f|female|yo f|y/o f)\b"), "female"),
    (re.compile(r"\b(\d+)\s*(?:m|male|yo m|y/o m)\b"), "male"),
    (re.compile(r"\b(my periods?|menopause|menstrual|my husband)\b"), "female"),
    (re.compile(r"\b(my prostate|my wife)\b"), "male"),
)
_THIRD_PRONOUN_MALE = re.compile(r"\b(he|him|his)\b")
_THIRD_PRONOUN_FEMALE = re.compile(r"\b(she|her|hers)\b")


@dataclass
class PopulationFacts:
    """Facts about the person that the text states or strongly implies."""

    age: float | None = None
    sex: Literal["female", "male"] | None = None
    pregnant: bool | None = None
    pregnancy_week: int | None = None
    postpartum: bool = False
    reporter: Reporter = "self"
    subject: str | None = None
    #: The person is a toddler or baby (age not given).
    child_mentioned: bool = False
    #: The person is a grandparent or a care-home resident (age not given).
    older_mentioned: bool = False
    evidence: dict[str, str] = field(default_factory=dict)


_FILLER = re.compile(
    r"\b(?:" + "|".join(sorted(FILLER_WORDS | {"sort of", "kind of", "kinda", "sorta"})) + r")\s+"
)
#: Scots, Irish and Northern English names for family ("ma da's 80", "oor granda"), read as
#: the standard words by the patterns below (the intake's lexicon rewrites them the same way).
_DIALECT_KIN = re.compile(r"\b(?:ma|oor|mah) (da|maw|granda|grandda)\b|\b(granda|grandda)\b")
_KIN_WORDS = {"da": "dad", "maw": "mum", "granda": "grandad", "grandda": "grandad"}


#: Family words the intake's lexicon reads the same way: Spanish ones in an English sentence
#: ("my abuela is 80") and the voice-typing homophone "my sun" for "my son".
_OTHER_KIN = re.compile(r"\b(?:(my|our|mi) sun|(abuelita|abuela|abuelito|abuelo))\b")
_OTHER_KIN_WORDS = {
    "abuela": "grandma",
    "abuelita": "grandma",
    "abuelo": "grandad",
    "abuelito": "grandad",
}


def _standard_kin(lowered: str) -> str:
    lowered = _DIALECT_KIN.sub(
        lambda m: ("my " if m.group(1) else "") + _KIN_WORDS[m.group(1) or m.group(2)], lowered
    )
    return _OTHER_KIN.sub(
        lambda m: (
            ("our son" if m.group(1) == "our" else "my son")
            if m.group(1)
            else _OTHER_KIN_WORDS[m.group(2)]
        ),
        lowered,
    )


def _number(value: str) -> int:
    return int(value) if value.isdigit() else _NUMBER_WORDS[value]


_MAY_HAVE_AGE = re.compile(r"\d|\bage|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b|ties\b|[2-9]0'?s\b")


def _find_age(text: str) -> tuple[float, str] | None:
    if not _MAY_HAVE_AGE.search(text):  # most texts say no age: skip the patterns
        return None
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            age = _number(match.group(1))
            if 0 <= age <= 120:
                return float(age), match.group(0)
    decade = _DECADE.search(text)
    if decade:
        word = decade.group(2).rstrip("'s").rstrip("s")
        base = _DECADE_VALUE.get(decade.group(2)) or int(word[:2])
        offset = {"early ": 2, "late ": 8}.get(decade.group(1) or "", 5)
        return float(base + offset), decade.group(0)
    return None


def _told_as_history(lowered: str, mention: re.Match[str]) -> bool:
    """Whether a pregnancy mention is history: "since my second pregnancy", "years ago"."""
    after = lowered[mention.end() : mention.end() + 40]
    if _PREGNANCY_GOES_ON.match(after):
        return False
    before = lowered[max(0, mention.start() - 30) : mention.start()]
    return bool(_PAST_PREGNANCY_BEFORE.search(before) or _PAST_PREGNANCY_AFTER.match(after))


#: "I was born by caesarean section" is the writer's own birth.
_OWN_BIRTH_BEFORE = re.compile(
    r"\b(?:was|were)\s+(?:born|delivered)\s+(?:by|via|with)?\s*(?:an?\s+)?$"
)


def _birth_told_as_history(lowered: str, mention: re.Match[str]) -> bool:
    """Whether a birth mention is not a recent birth: "a c-section 10 years ago", "born by"."""
    after = lowered[mention.end() : mention.end() + 40]
    before = lowered[max(0, mention.start() - 30) : mention.start()]
    return bool(_PAST_PREGNANCY_AFTER.match(after) or _OWN_BIRTH_BEFORE.search(before))


def _mention_state(normalised: NormalisedText, start: int) -> str | None:
    """How the intake's context rules read the mention at character ``start``.

    One negation engine for findings and facts: "I don't think I'm pregnant" is denied,
    "I might be pregnant" is only wondered about (``"uncertain"``).
    """
    index = next((i for i, t in enumerate(normalised.tokens) if t.end > start), None)
    if index is None:
        return None
    state = negation(normalised, index, index)
    if state == "negated":
        return "negated"
    # "my belly's swollen up like I'm pregnant" compares, it does not state.
    before = {t.text for t in normalised.tokens[max(0, index - 3) : index]}
    if before & {"like", "if", "though"}:
        return "uncertain"
    return "uncertain" if is_uncertain(normalised, index, index) else None


def extract_population(text: str, normalised: NormalisedText | None = None) -> PopulationFacts:
    """Read age, sex, pregnancy and who is writing from a description.

    Parameters
    ----------
    text : str
        The description, any case.
    normalised : NormalisedText, optional
        The same text as the intake normalised it (made here when not given); its context
        rules decide whether a pregnancy is stated, denied or only wondered about.

    Returns
    -------
    PopulationFacts
        ``age`` and ``sex`` stay ``None`` when the text does not say.

    Examples
    --------
    >>> facts = extract_population("My 7 year old son wakes crying with sore legs")
    >>> facts.age, facts.sex, facts.reporter
    (7.0, 'male', 'parent')
    """
    lowered = text.lower().replace("’", "'")
    facts = PopulationFacts()
    # Who and how old are read with standard family words; pregnancy keeps the text's offsets.
    kin = _standard_kin(lowered)
    subject_match = (
        _CHILD_SUBJECT.search(kin) or _PARTNER_SUBJECT.search(kin) or _RELATIVE_SUBJECT.search(kin)
    )
    if subject_match:
        subject = next(group for group in subject_match.groups() if group)
        kind: Reporter = (
            "parent"
            if _CHILD_SUBJECT.match(subject_match.group(0))
            else "partner"
            if _PARTNER_SUBJECT.match(subject_match.group(0))
            else "relative"
        )
        # The writer speaks for someone else only when the symptoms are described in the third
        # person more than in the first: "my husband says I kick" is about the writer.
        third = len(_THIRD_PERSON.findall(kin)) + len(_HE_SHE.findall(kin))
        first = len(_FIRST_PERSON.findall(kin)) + len(_I_MY.findall(kin))
        if third > first or (third >= first and (kind != "parent" or third > 0)):
            facts.reporter = kind
            facts.subject = subject
            facts.evidence["reporter"] = subject_match.group(0)
    if facts.reporter != "self" and facts.subject and _OLDER_SUBJECT.search(facts.subject):
        facts.older_mentioned = True
    # "toddler won't stand" (the text starts with the child) or a parent writing about one.
    starts_with_child = _SMALL_CHILD.match(lowered.strip()) is not None
    if starts_with_child or (facts.reporter == "parent" and _SMALL_CHILD.search(lowered)):
        facts.child_mentioned = True
    found = _find_age(_FILLER.sub("", kin))
    if found:
        facts.age, facts.evidence["age"] = found
    elif facts.reporter == "parent" and re.search(r"\b(toddler|baby)\b", lowered):
        facts.age = 2.0
    if facts.reporter == "self":
        for pattern, sex in _SELF_SEX:
            match = pattern.search(lowered)
            if match:
                facts.sex = "female" if sex == "female" else "male"
                facts.evidence["sex"] = match.group(0)
                break
    elif facts.subject in _MALE or facts.subject in _FEMALE:
        facts.sex = "male" if facts.subject in _MALE else "female"
        facts.evidence["sex"] = facts.subject or ""
    elif facts.subject:
        he = len(_THIRD_PRONOUN_MALE.findall(lowered))
        she = len(_THIRD_PRONOUN_FEMALE.findall(lowered))
        if he != she:
            facts.sex = "male" if he > she else "female"
    words = normalised if normalised is not None else normalise(text)
    after_birth = _POSTPARTUM.search(lowered) is not None
    states = [
        (m, _mention_state(words, m.start()))
        for m in _PREGNANT.finditer(lowered)
        # A midwife or antenatal check after the birth does not make a pregnancy.
        if not (after_birth and m.group(0) in ("midwife", "antenatal"))
        and not _told_as_history(lowered, m)
    ]
    if facts.age is not None and facts.age > _PREGNANCY_AGE_LIMIT:
        states = [(m, "negated") for m, _ in states]
    stated = next((m for m, state in states if state is None), None)
    if stated and facts.reporter in ("self", "partner"):
        facts.pregnant = True
        facts.sex = "female"
        facts.evidence["pregnant"] = stated.group(0)
        week = _PREGNANCY_WEEK.search(lowered)
        if week:
            facts.pregnancy_week = int(next(g for g in week.groups() if g))
    elif any(state == "negated" for _, state in states):
        facts.pregnant = False
    postpartum = next(
        (m for m in _POSTPARTUM.finditer(lowered) if not _birth_told_as_history(lowered, m)), None
    )
    if postpartum and not facts.pregnant and facts.reporter in ("self", "partner"):
        facts.postpartum = True
        facts.evidence["postpartum"] = postpartum.group(0)
    return facts
