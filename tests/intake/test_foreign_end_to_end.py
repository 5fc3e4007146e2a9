"""The shapes every foreign-language lexicon is tested in, one table per shape.

Each table maps a language code to its sentences, as people write them; a test case is one
(language, sentence) pair, with the id "<language>-<index>" (e.g. "pl-0"). The tests of what is
peculiar to one language (negation, spellings, ages, ...) stay in test_foreign_<language>.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from _foreign_helpers import found, red_flags_read, triage

from nightlegs.intake import extract
from nightlegs.intake._foreign import transliterated_language
from nightlegs.intake._language import detect_language
from nightlegs.knowledge import knowledge_index


def _cases(table: dict[str, list[Any]]) -> list[Any]:
    """One pytest param (language, item) per item of ``table``, with the id "<language>-<i>"."""
    return [
        pytest.param(language, item, id=f"{language}-{i}")
        for language, items in table.items()
        for i, item in enumerate(items)
    ]


# Benign complaints read no red-flag finding as present. A (sentence, finding) pair must also
# read that benign finding, and no red-flag finding at all (not even denied).
BENIGN: dict[str, list[Any]] = {
    # Dutch
    "nl": [
        (
            "Mn zoon heeft s nachts kramp in zn kuit, het gaat over als hij zijn been strekt.",
            "muscle_cramp",
        ),
        ("'s Nachts krijg ik kuitkramp, na even rekken is het weg.", "muscle_cramp"),
        ("'s Avonds rusteloze benen, ik moet ze steeds bewegen.", "urge_to_move"),
    ],
    # Polish
    "pl": [
        "Tatę w nocy łapie skurcz łydki, rozciąganie pomaga, rano dobrze.",
        "Córka 7 lat, wieczorem bolą ją nogi, raz lewa raz prawa, masaż pomaga, rano biega.",
        "Mam kurcze w nogach po treningu, pomaga magnez i rozciąganie.",
    ],
    # Portuguese
    "pt": [
        (
            "Meu filho tem cãibra na panturrilha de noite, passa quando ele estica a perna.",
            "muscle_cramp",
        ),
        ("De madrugada me dá câimbra no pé, alongo e passa.", "muscle_cramp"),
        ("Tenho as pernas inquietas à noite e uma vontade de mexer que não passa.", "urge_to_move"),
    ],
    # Turkish
    "tr": [
        "Geceleri baldırıma kramp giriyor, esneme yapınca geçiyor, sabah iyi.",
        "Kızım 7 yaşında, akşamları bacakları ağrıyor, masaj yapınca geçiyor, sabah koşuyor.",
        "Babamın gece bacağına kramp giriyor, ayağını kendine doğru çekince geçiyor.",
    ],
    # Romanian
    "ro": [
        "Pe tata il apuca noaptea un carcel la gamba, se intinde si ii trece, dimineata e bine.",
        "Fetița de 7 ani, seara o dor picioarele, când unul când celălalt, masajul ajută, "
        "dimineața aleargă.",
        "Am crampe in picioare dupa antrenament, ma ajuta magneziul si intinderile.",
        "Seara cand merge la pat o dor gambele, dimineata e bine.",
    ],
    # Czech
    "cs": [
        "Tátu v noci chytá křeč v lýtku, protažení pomáhá, ráno je v pořádku.",
        "Dcera 7 let, večer ji bolí nohy, jednou levá jednou pravá, masáž pomáhá, ráno běhá.",
        "Po tréninku mám křeče v nohou, pomáhá magnesium a protahování.",
    ],
    # Swedish
    "sv": [
        "Pappa får sendrag i vaden på natten, stretching hjälper, på morgonen är det bra.",
        "Dottern 7 år har ont i benen på kvällen, ibland vänster ibland höger, massage "
        "hjälper, på morgonen springer hon som vanligt.",
        "Jag får kramp i benen efter träning, magnesium och stretching hjälper, ett kallt "
        "fotbad också.",
    ],
    # Greek
    "el": [
        "Ο γιος μου είναι 8 χρονών και έχει πόνους στις γάμπες τη νύχτα, το πρωί είναι μια "
        "χαρά και παίζει κανονικά.",
        "Κάθε βράδυ με πιάνει κράμπα στη γάμπα, περνάει με διάταση.",
        "Η μητέρα μου έχει κράμπες στα πόδια το βράδυ, χωρίς πρήξιμο και χωρίς πυρετό.",
    ],
    # Hindi (Hinglish)
    "hi": [
        "raat ko pindli mein nas chadh jaati hai, stretch karne se theek ho jata hai",
        "meri beti 7 saal ki hai, shaam ko pairon mein dard hota hai, maalish se aaram, "
        "subah bilkul theek khelti hai",
        "papa ke pair mein raat ko cramp aata hai, subah theek rehte hain",
    ],
    # Arabic (Arabizi)
    "ar": [
        "kel lel bi2ji shadd 3adali bi ijri, bas bmaddeda byrou7, w bel sob7 mnih",
        "binti 3omra 7 snin, bel lel btewja3ha rijlayha, bel nhar btil3ab 3adi",
        "baba 3ando tashannuj bi rijlo bel lel, ba3d el masaj byrta7",
    ],
}


@pytest.mark.parametrize(("language", "case"), _cases(BENIGN))
def test_benign_complaint_reads_no_danger_sign(language: str, case: str | tuple[str, str]) -> None:
    text, benign = (case, None) if isinstance(case, str) else case
    assert not red_flags_read(text, language)
    if benign is not None:
        findings = found(text, language)
        assert findings.get(benign) is True, findings
        # These sentences deny nothing either: no red-flag finding is read at all.
        assert not set(findings) & knowledge_index().red_flag_findings, findings


# Emergency patterns: the language is detected and the triage is an emergency.
EMERGENCY: dict[str, list[Any]] = {
    # Dutch
    "nl": [
        "De voet van mijn vader is plotseling ijskoud en wit geworden, hij heeft veel pijn.",
        "Opeens een koud, bleek been bij mijn moeder, ze heeft ondraaglijke pijn.",
        "Hij heeft zwakte in beide benen en zijn billen zijn gevoelloos sinds vandaag.",
        "Mijn man heeft een dik been en is nu heel benauwd met pijn op de borst.",
    ],
    # Polish
    "pl": [
        "Tata nagle poczuł straszny ból w nodze, stopa jest zimna i blada.",
        "Mama ma słabe obie nogi, zdrętwiałe krocze i nie może się wysikać.",
        "Tata ma krzywe usta i bełkocze.",
        "Jestem w ciąży, 35 tydzień, silny ból głowy, mroczki przed oczami, nogi spuchnięte.",
        "Żylak pękł, krew tryska, nie możemy zatamować.",
    ],
    # Portuguese
    "pt": [
        "O pé do meu pai ficou de repente gelado e branco, com uma dor insuportável.",
        "Do nada a perna ficou fria e pálida e dói demais.",
        "Ele está com as duas pernas fracas e a bunda dormente desde hoje.",
        "Fraqueza nas duas pernas e não sente nada na região íntima.",
        "Meu pai está com a perna inchada e agora com falta de ar e dor no peito.",
    ],
    # Turkish
    "tr": [
        "Babamın ayağında birden çok şiddetli ağrı başladı, ayağı buz gibi ve bembeyaz.",
        "Annemin iki bacağı güçsüz, popo bölgesi uyuşmuş, idrar yapamıyor.",
        "Babamın yüzü kaydı ve konuşması bozuldu.",
        "35 haftalık hamileyim, şiddetli baş ağrısı var, gözlerim kararıyor, ayaklarım şişti.",
        "Varisi patladı, kan fışkırıyor, durduramıyoruz.",
    ],
    # Romanian
    "ro": [
        "Tata brusc a simțit o durere groaznică în picior, laba piciorului e rece și albă.",
        "Mama are ambele picioare slabe, amorțeală în zona intimă și nu poate urina.",
        "Tata are gura stramba si vorbeste incurcat de o ora.",
        "Sunt însărcinată în 35 de săptămâni, mă doare capul rău, văd stelute, picioarele umflate.",
        "Varicea s-a spart si curge sange mult, nu se opreste.",
    ],
    # Czech
    "cs": [
        "Táta najednou dostal strašnou bolest v noze, noha je studená a bledá.",
        "Mamka má slabé obě nohy, necítí rozkrok a nemůže se vyčůrat.",
        "Táta má křivou pusu a mluví nesrozumitelně.",
        "Jsem těhotná, 35. týden, silná bolest hlavy, mžitky před očima, nohy oteklé.",
        "Praskla křečová žíla, krev stříká, nejde to zastavit.",
    ],
    # Swedish
    "sv": [
        "Pappa fick plötsligt fruktansvärt ont i benet, foten är kall och blek.",
        "Mamma har svaga ben, båda två, hon är bortdomnad i underlivet och kan inte kissa.",
        "Pappa har en hängande mungipa och sluddrar.",
        "Jag är gravid i vecka 35, svår huvudvärk, flimmer för ögonen, svullna ben.",
        "Åderbråcket har spruckit, blodet sprutar och det går inte att stoppa.",
    ],
    # Greek
    "el": [
        "Ο πατέρας μου ξαφνικά έχει πολύ δυνατό πόνο στο πόδι, το πόδι είναι κρύο και χλωμό.",
        "η μαμα εχει αδυναμια και στα δυο ποδια, μουδιασμα στον πισινο και δεν μπορει να "
        "κατουρησει",
        "Η κόρη μου έχει πυρετό και μωβ κουκκίδες που δεν φεύγουν με το ποτήρι",
        "Ξαφνικά στράβωσε το στόμα του και μπερδεύει τα λόγια",
        "Του κόβεται η ανάσα και φτύνει αίμα, η γάμπα του είναι πρησμένη",
    ],
    # Hindi (Hinglish)
    "hi": [
        "papa ka pair achanak bahut thanda aur safed pad gaya hai, bahut tez dard ho raha hai",
        "mummy ke dono pair kamzor ho gaye, private part sunn hai, peshab nahi ho raha",
        "papa ka munh tedha ho gaya aur bol nahi pa rahe",
        "biwi 8 mahine pregnant hai, sir mein tez dard aur dhundhla dikh raha hai",
    ],
    # Arabic (Arabizi)
    "ar": [
        "baba rijlo faj2a sarit barde w bayda, wja3 shadid ktir",
        "akhi rijlayn da3ifin w mkhaddar bel mak3ad, w mish 2ader ybul",
        "wijh baba sar mayel w kalamo t2eel, shu na3mel?",
    ],
}


@pytest.mark.parametrize(("language", "text"), _cases(EMERGENCY))
def test_emergency_pattern_is_an_emergency(language: str, text: str) -> None:
    assert detect_language(text) == language
    assert triage(text) == "emergency"


# Danger signs that are not all emergencies, but never self care.
DANGER: dict[str, list[Any]] = {
    # Dutch
    "nl": [
        "Onze dochter heeft koorts, is erg slaperig en heeft paarse puntjes op haar benen.",
        "Hij is gevallen, kan niet meer lopen en heeft veel pijn in zijn heup.",
        "Het been is rood en warm en de roodheid wordt snel groter, hij heeft koorts.",
        "Mijn vrouw hoest bloed op na een lange vlucht.",
    ],
    # Polish
    "pl": [
        "Od wczoraj łydka spuchnięta, gorąca i czerwona, tata ma 70 lat.",
        "Ma gorączkę i zaczerwienienie się rozszerza.",
        "Po upadku nie może stanąć na nogę, boli pachwina.",
        "Synek 4 lata, fioletowe plamki nie znikają pod szklanką, gorączka.",
    ],
    # Portuguese
    "pt": [
        "Minha filha está com febre, sonolenta e com pintinhas roxas nas pernas.",
        "Ele caiu, não consegue andar e dói muito o quadril.",
        "A perna está vermelha, quente e a vermelhidão está aumentando, ele tem febre.",
        "Meu marido tossiu sangue depois de uma viagem longa de avião.",
    ],
    # Turkish
    "tr": [
        "Dünden beri baldırı şiş, sıcak ve kızarık, babam 70 yaşında.",
        "Ateşi var ve kızarıklık yayılıyor.",
        "Düştükten sonra ayağına basamıyor, kasığı ağrıyor.",
        "4 yaşındaki oğlumun bacağında mor noktalar var, bastırınca geçmiyor, ateşi var.",
    ],
    # Romanian
    "ro": [
        "De ieri gamba e umflată, caldă și roșie, tatăl meu are 70 de ani.",
        "Are febra si roseata se intinde pe picior.",
        "După ce a căzut nu poate călca pe picior, o doare în zona inghinală.",
        "Fetita de 4 ani are febra si pete mov care nu dispar sub pahar.",
    ],
    # Czech
    "cs": [
        "Lýtko je oteklé, horké a červené, tátovi je 70 let.",
        "Má horečku a zarudnutí se šíří.",
        "Po pádu se nemůže postavit na nohu, bolí ho v tříslech.",
        "Synek 4 roky, fialové tečky nezmizí pod skleničkou, horečka.",
    ],
    # Swedish
    "sv": [
        "Vaden är svullen, varm och röd, pappa är 70 år.",
        "Hon har feber och rodnaden sprider sig.",
        "Efter fallet kan han inte stå på benet, ont i ljumsken.",
        "Sonen 4 år, lila prickar som inte försvinner under glaset, feber.",
    ],
    # Greek
    "el": [
        "Η γάμπα του είναι πρησμένη, ζεστή και κόκκινη και έχει πυρετό",
        "Γέννησα πριν μία εβδομάδα και η γάμπα μου πρήστηκε και πονάει",
        "Ο παππούς έπεσε και δεν μπορεί να περπατήσει, πονάει ο γοφός",
        "Ο πατέρας μου είναι μπερδεμένος και έχει σκούρα ούρα",
    ],
    # Hindi (Hinglish)
    "hi": [
        "papa 70 saal ke hain, kal se ek pindli sooji hui hai, garam aur laal hai",
        "bukhar hai aur pair pe lali phail rahi hai",
        "dadi gir gayi, ab khadi nahi ho pa rahi, kulhe mein dard hai",
        "4 saal ki beti ke pair pe baingani daane hain jo dabane se nahi jaate, bukhar bhi hai",
    ],
    # Arabic (Arabizi)
    "ar": [
        "baba 3omro 70, rijlo waramet mbare7, s5ne w 7amra",
        "3ando 7arara w el 7amar 3am yintishir",
        "sitti wi2i3et w ma 2adra tu2af, 3andha wja3 bel wirk",
        "wladt min usbu3 w ijri waramet, w 3andi dee2 nafas",
    ],
}


@pytest.mark.parametrize(("language", "text"), _cases(DANGER))
def test_danger_is_never_self_care(language: str, text: str) -> None:
    assert triage(text) != "self_care"


# Detection: the language is found, and read the right way (script or transliterated).
DETECTED: dict[str, list[Any]] = {
    # Polish
    "pl": [
        "Mój tata ma spuchniętą nogę, jest gorąca i czerwona.",
        "Bola mnie nogi w nocy, lydka spuchnieta i czerwona, co to moze byc?",
    ],
    # Turkish
    "tr": [
        "Babamın bacağı şişti, kızarık ve sıcak.",
        "babamin bacagi sisti, kizarik ve sicak, ne yapmaliyiz?",
    ],
    # Romanian
    "ro": [
        "Tatăl meu are piciorul umflat, roșu și fierbinte, îl doare la atingere.",
        "Mama de azi dimineata are ambele picioare slabe si nu poate urina, ce sa facem?",
    ],
    # Czech
    "cs": [
        "Můj táta má oteklou nohu, je horká a červená.",
        "Bolí mě nohy v noci, lýtko oteklé a červené, co to může být?",
        "Tata ma oteklou nohu, je horka a cervena, co to muze byt?",
    ],
    # Swedish
    "sv": [
        "Min pappa har ett svullet ben, det är varmt och rött.",
        "Jag har ont i benen på natten, vaden är svullen och röd, vad kan det vara?",
        "Min pappa har ett svullet ben, det ar varmt och rott, vad kan det vara?",
    ],
    # Greek
    "el": [
        "Ο πατέρας μου έχει πρησμένο πόδι",
        "ο πατερας μου εχει πρησμενο ποδι",
        "ΠΟΝΑΕΙ ΤΟ ΠΟΔΙ ΜΟΥ ΣΤΟ DEPON ΔΕΝ ΠΕΡΝΑΕΙ",
    ],
    # Hindi (Hinglish)
    "hi": [
        "mere papa ka pair bahut sooj gaya hai aur laal bhi hai, kya karein?",
        "Mummy ko raat mein bahut dard hota hai pair mein, neend nahi aati",
        # Mixed with English words, as people write it.
        "papa ka left leg bahut swollen hai aur red bhi hai, kya karna chahiye",
        "पापा का पैर अचानक सूज गया है, लाल और गर्म है",
    ],
    # Arabic (Arabizi)
    "ar": [
        "baba rijlo waramet faj2a w sa5ne w 7amra, ma 2adir yimshi",
        "mama 3am t2ol enno ijra btewja3ha ktir, shu lazem na3mel?",
        "rigli wermet w bitewga3ni awi, a3mel eh?",
        "rijli mitwarma wayed w 7arra, shlon a9arf?",
    ],
}


# What transliterated_language() may say of a detected text: Latin-script languages are not taken
# for transliterated Russian (None); Greek script may be read as Greek; Hindi and Arabic are
# written in their own scripts (None) or in Latin letters (Hinglish, Arabizi).
TRANSLITERATED: dict[str, set[str | None]] = {
    "el": {None, "el"},
    "hi": {None, "hi"},
    "ar": {None, "ar"},
}


@pytest.mark.parametrize(("language", "text"), _cases(DETECTED))
def test_language_is_detected(language: str, text: str) -> None:
    assert detect_language(text) == language
    assert extract(text).language == language
    assert transliterated_language(text) in TRANSLITERATED.get(language, {None})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Read as English (it shares "is", "door", "adder" with it), but nothing English is in it.
        ("Hij is door een adder gebeten en zijn been is dik en blauw", "venomous_bite"),
        # Polish that looks like Russian typed in Latin letters ("syn", "noge"): both are read.
        ("Syn ma noge w gipsie i strasznie go boli, palce ma sine i zimne", "toe_colour_change"),
    ],
)
def test_a_text_taken_for_another_language_still_has_its_danger_signs_read(
    text: str, expected: str
) -> None:
    assert {f.id for f in extract(text).findings if f.present} >= {expected}
    assert triage(text) == "emergency"


def test_an_english_text_with_nothing_recognised_is_not_read_as_another_language() -> None:
    result = extract("I am writing about the thing we talked about yesterday")
    assert (result.language, result.understood) == ("en", False)
