"""Spelling help: common misspellings and the words worth correcting by edit distance."""

from __future__ import annotations

__all__ = ["COMMON_WORDS", "MISSPELLINGS"]

#: Misspellings seen in patient writing, mapped to what they mean.
MISSPELLINGS: dict[str, str] = {
    "cramb": "cramp", "crampes": "cramps", "cramed": "cramped", "charlie": "charley",
    "calfs": "calves", "carf": "calf", "clafs": "calves", "claves": "calves",
    "swolen": "swollen", "swolled": "swollen", "swelled": "swollen", "sweling": "swelling",
    "swolleness": "swelling", "sweeling": "swelling", "numbnes": "numbness", "numbess": "numbness",
    "numm": "numb", "tinglin": "tingling", "tingly": "tingling", "tinglies": "tingling",
    "pins-and-needles": "pins and needles", "restles": "restless", "restlessnes": "restlessness",
    "varicouse": "varicose", "varicous": "varicose", "vericose": "varicose", "very-close": "varicose",
    "sciatic": "sciatica", "syatica": "sciatica", "sciatika": "sciatica", "acheing": "aching",
    "akeing": "aching", "akes": "aches", "achey": "achy", "nite": "night", "nites": "nights",
    "nightime": "nighttime", "tonite": "tonight", "allways": "always", "alot": "a lot",
    "becuase": "because", "becasue": "because", "pregnent": "pregnant", "pregant": "pregnant",
    "preggers": "pregnant", "preggo": "pregnant", "diabetis": "diabetes", "diabetic": "diabetes",
    "diebetes": "diabetes", "statins": "statin", "hurst": "hurts", "hurtin": "hurting",
    "painfull": "painful", "tendor": "tender", "brused": "bruised", "wee'ing": "weeing",
    "feaver": "fever", "fevor": "fever", "temprature": "temperature", "temperture": "temperature",
    "shin-bone": "shinbone", "achilles'": "achilles", "achillies": "achilles", "achilis": "achilles",
    "heal": "heel", "heals": "heels", "thy": "thigh", "thighs'": "thighs", "nees": "knees",
    "kneee": "knee", "ankel": "ankle", "ancle": "ankle", "buttox": "buttocks",
    "exersize": "exercise", "excercise": "exercise", "excersise": "exercise",
    "stretchin": "stretching", "walkin": "walking", "standin": "standing", "sittin": "sitting",
    "wakin": "waking", "jerkin": "jerking", "kickin": "kicking", "twitchin": "twitching",
    "creepy-crawlies": "creepy crawly", "creepy-crawly": "creepy crawly", "heebie-jeebies": "heebie",
    "fizzing": "fizzy", "electricity": "electric", "legz": "legs", "lgs": "legs",
    "leggs": "legs", "feets": "feet", "toez": "toes", "docter": "doctor", "doc": "doctor",
    "gp": "doctor", "hubby": "husband", "wifey": "wife", "oh": "other half",
    "paracetemol": "paracetamol", "ibuprophen": "ibuprofen", "asprin": "aspirin",
    "magnesiun": "magnesium", "magnisium": "magnesium", "potasium": "potassium",
    "inhalor": "inhaler", "inhailer": "inhaler", "diuretics": "diuretic",
}

#: Frequent words that must never be "corrected" into a clinical word.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    about above after again against all also always am among and another any anyone anything
    are around as at away back bad be because been before being below better between both but
    by came can cause come comes could day days did different do does doing done down during
    each early either else even evening ever every everything few first for from get gets getting
    give goes going gone good got had half happen happens hard has have having he her here him
    his home hour hours house how however i if in into is it its just keep kind know last late
    later least left less let like little long look lot made make makes many may me might mind
    more morning most much must my myself near need needs never new next night no none not
    nothing now of off often old on once one only or other others our out over own part past
    people place put quite rather really right round said same say says see seem seems seen
    several she should since so some something sometimes soon still such sure take than that
    the their them then there these they thing things think this those though through time
    times to today together told too took towards try trying two under until up upon us used
    very want wanted was way we week weeks well went were what when where whether which while
    who whole why will with within without work would year years yes yet you your house mouse
    horse worse nurse purse halves helps whales wheels peels heals deals meals hours walls
    calls balls falls tells bells hold holds cold colds sold told fold older shoulder boulder
    """.split()
)
