"""Danger signs in descriptions written in Greek: the Greek lexicon (el.yaml)."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

from nightlegs.intake._foreign import find_foreign_findings, transliterated_language
from nightlegs.intake._language import detect_language
from nightlegs.knowledge import knowledge_index
from nightlegs.knowledge.foreign import fold, latin_skeleton

# --- Folding: accents, dialytika, capitals and final sigma -----------------------------------


def test_fold_strips_greek_accents_and_reads_final_sigma_as_sigma() -> None:
    assert fold("ΠΡΗΣΜΈΝΟΣ πρησμένος πρησμενοσ") == "πρησμενοσ πρησμενοσ πρησμενοσ"
    assert fold("Άσπρο, ΐ, ϋ, ἄλγος, Ώρα") == "ασπρο, ι, υ, αλγοσ, ωρα"


def test_fold_leaves_other_scripts_as_they_were() -> None:
    assert fold("Weiß, Отёк, pálida") == "weiss, отек, palida"


# --- Danger signs, as a relative writes them (with and without accents) ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ο πατέρας μου είναι 78 χρονών, από χθες το δεξί του πόδι είναι πρησμένο, ζεστό "
            "και κόκκινο και πονάει όταν το ακουμπάς.",
            {
                "leg_swelling": True,
                "leg_warm": True,
                "red_skin": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "ο μπαμπας ξαφνικα ενιωσε φριχτο πονο στο ποδι, η πατουσα ειναι κρυα και ασπρη, "
            "δεν πιανω σφυγμο",
            {
                "sudden_onset": True,
                "severe_pain": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Η μητέρα μου από σήμερα το πρωί έχει αδυναμία και στα δύο πόδια, μούδιασμα στα "
            "γεννητικά όργανα και δεν μπορεί να ουρήσει.",
            {
                "leg_weakness": True,
                "bilateral": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Έχει πυρετό 39 και ρίγη, η κοκκινίλα στη γάμπα απλώνεται γρήγορα",
            {"fever": True, "red_skin": True, "spreading_redness": True},
        ),
        (
            "Η κόρη μου έχει εξάνθημα με μωβ κουκκίδες που δεν φεύγουν με το ποτήρι",
            {"purpura": True},
        ),
        (
            "Ξαφνικά στράβωσε το στόμα του και μπερδεύει τα λόγια του",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "Είμαι έγκυος 32 εβδομάδων, έχω φοβερό πονοκέφαλο, βλέπω θολά και πονάει το "
            "στομάχι κάτω από τα πλευρά",
            {"headache": True, "visual_disturbance": True, "upper_abdominal_pain": True},
        ),
        (
            "αιμορραγεί πολύ από τον κιρσό και το αίμα δεν σταματάει",
            {"heavy_bleeding": True},
        ),
        (
            "Ο πατέρας μου είναι μπερδεμένος, δεν ξέρει πού βρίσκεται, τα ούρα του είναι "
            "σκούρα σαν κόκα κόλα.",
            {"confusion": True, "dark_urine": True},
        ),
        (
            "Του κόβεται η ανάσα, βήχει και φτύνει αίμα, πονάει το στήθος",
            {"breathless": True, "coughing_blood": True, "chest_pain": True},
        ),
        (
            "ο παππους επεσε και δεν μπορει να σηκωθει, πονάει στον βουβώνα και το πόδι του "
            "είναι γυρισμένο προς τα έξω",
            {
                "recent_fall": True,
                "refuses_weight": True,
                "site_groin_hip": True,
                "leg_shortened_rotated": True,
            },
        ),
        (
            "Πριν δύο εβδομάδες είχε γαστρεντερίτιδα, τώρα μυρμηγκιάζουν τα πέλματα και τα "
            "πόδια του είναι σαν λάστιχο, όλο και πιο αδύναμα",
            {
                "recent_gut_infection": True,
                "tingling": True,
                "leg_weakness": True,
                "progressive_weakness": True,
            },
        ),
        (
            "έσπασε ένας κιρσός στη γάμπα και τρέχει αίμα, η κάλτσα γέμισε αίμα",
            {"varicose_veins": True, "varicose_bleeding": True, "leg_bleeding": True},
        ),
        (
            "η καρδιά του χτυπάει πολύ γρήγορα και ακανόνιστα, έχει κολπική μαρμαρυγή",
            {"palpitations": True, "atrial_fibrillation": True},
        ),
        (
            "λιποθύμησε στο μπάνιο, έχει ταχυκαρδία και λαχανιάζει",
            {"fainting": True, "confusion": True, "breathless": True},
        ),
    ],
)
def test_greek_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "el", **expected)


@pytest.mark.parametrize(
    "text",
    [
        "Το πόδι του είναι πρησμένο",
        "Το ποδι του ειναι πρησμενο",
        "ΤΟ ΠΟΔΙ ΤΟΥ ΕΊΝΑΙ ΠΡΗΣΜΈΝΟ",
        "το πόδι πρήστηκε από χθες",
        "του πρήζεται η γάμπα",
        "εχει πρισμενο ποδι",
    ],
)
def test_accents_capitals_and_inflections_are_read(text: str) -> None:
    says(text, "el", leg_swelling=True)


def test_all_danger_ids_exist_in_the_knowledge_base() -> None:
    findings = knowledge_index().findings
    text = "ξαφνικά κρύο και χλωμό πόδι, μούδιασμα στον πισινό, δεν μπορεί να ουρήσει, πυρετός"
    assert set(found(text, "el")) <= set(findings)


# --- Negation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Δεν έχει πυρετό και δεν έχει πρήξιμο.", {"fever": False, "leg_swelling": False}),
        ("δεν εχει πυρετο", {"fever": False}),
        ("Χωρίς πυρετό, το πόδι είναι πρησμένο", {"fever": False, "leg_swelling": True}),
        ("Πυρετό δεν έχει.", {"fever": False}),
        ("Πυρετός: όχι.", {"fever": False}),
        ("Πυρετός καθόλου.", {"fever": False}),
        ("δν εχει πυρετο", {"fever": False}),
        ("Δεν έχει πυρετό, αλλά το πόδι είναι κόκκινο", {"fever": False, "red_skin": True}),
        ("Δεν έχει πυρετό αλλά η γάμπα είναι πρησμένη", {"fever": False, "leg_swelling": True}),
    ],
)
def test_greek_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "el", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Δεν ξέρω αν έχει πυρετό", "fever"),
        ("Όχι μόνο πρήξιμο, έχει και πυρετό", "leg_swelling"),
        ("Δεν είμαι σίγουρη, η γάμπα είναι πρησμένη", "leg_swelling"),
        ("ο πόνος δεν περνάει, είναι αφόρητος", "severe_pain"),
    ],
)
def test_greek_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "el").get(finding) is True


def test_a_phrase_holding_a_negation_is_affirmed() -> None:
    says("δεν μπορεί να πατήσει το πόδι", "el", refuses_weight=True)
    says("τίποτα δεν βοηθάει, ούτε τα παυσίπονα", "el", nothing_relieves=True)


# --- Pregnancy, recent birth, child and ages --------------------------------------------------


def test_greek_pregnancy_and_recent_birth() -> None:
    reading = find_foreign_findings("Η γυναίκα μου είναι έγκυος και έχει πρησμένα πόδια", "el")
    assert reading.pregnant
    reading = find_foreign_findings("Δεν είναι έγκυος", "el")
    assert not reading.pregnant
    says("Γέννησα με καισαρική πριν 10 μέρες και η γάμπα πρήστηκε", "el", recent_childbirth=True)
    says("γέννησε πριν μία εβδομάδα", "el", recent_childbirth=True)
    # A baby born to the writer is not the person described.
    assert not find_foreign_findings("γέννησε το μωρό της πριν 5 μέρες", "el").child


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("Ο γιος μου είναι 8 χρονών και κουτσαίνει", True, 8),
        ("ο γιος μου 6 χρονων ξυπναει τη νυχτα", True, 6),
        ("Η κόρη μου 5 ετών έχει πυρετό", True, 5),
        ("Ο πατέρας μου είναι 78 χρονών", False, 78),
        ("Ο γιος μου είναι 40 χρονών και έχει πρησμένο πόδι", False, 40),
        ("Γεια σας παιδιά, ο πατέρας μου έχει πρησμένο πόδι", False, None),
    ],
)
def test_greek_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "el")
    assert (reading.child, reading.age) == (child, age)


def test_years_ago_is_not_an_age() -> None:
    assert find_foreign_findings("χειρουργήθηκε 5 χρονών πριν", "el").age is None


# --- Benign complaints and everyday words -----------------------------------------------------


def test_everyday_words_are_not_danger_signs() -> None:
    # "σπασμένο" (broken) is not a cramp, "λαχανικά" (vegetables) not breathlessness,
    # "παιδιά" said to the forum not a child, "γαλάζια μάτια" (blue eyes) not a blue foot.
    findings = found(
        "Παιδιά, τρώει λαχανικά, έχει γαλάζια μάτια και το κινητό του είναι σπασμένο", "el"
    )
    assert not {"breathless", "muscle_cramp", "pale_or_blue_foot"} & set(findings)
    assert not find_foreign_findings("Παιδιά, βοήθεια, η μητέρα μου έχει κράμπες", "el").child


# --- End to end ------------------------------------------------------------------------------


# --- Language detection -------------------------------------------------------------------------


def test_greek_script_with_a_latin_brand_name_is_still_read() -> None:
    says(
        "Ο πατέρας μου έχει πρησμένο πόδι, πήρε depon, δεν έχει πυρετό. Ξαφνικά κρύο πόδι.",
        "el",
        leg_swelling=True,
        fever=False,
        cold_foot=True,
    )


# --- Greek typed in Latin letters ("Greeklish") -----------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ("πρησμένο", "prismeno", "prhsmeno", "prismeno"),
        ("έχει", "exei", "ehei", "exi"),
        ("θερμοκρασία", "thermokrasia", "8ermokrasia"),
        ("ξαφνικά", "ksafnika", "xafnika"),
        ("μπορεί", "mporei", "borei", "mpori"),
        ("πρωί", "prwi", "proi"),
        ("πυρετός", "pyretos", "puretos", "piretos"),
    ],
)
def test_greeklish_spellings_share_one_skeleton(words: tuple[str, ...]) -> None:
    assert len({latin_skeleton(w, "greek") for w in words}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "o pateras mou einai 78 xronwn, apo xthes to deksi tou podi einai prismeno, zesto "
            "kai kokkino kai ponaei otan to akoumpas",
            {"leg_swelling": True, "leg_warm": True, "red_skin": True, "tender_to_touch": True},
        ),
        (
            "o mpampas ksafnika eniwse fri3to pono sto podi, h patousa einai krya kai asprh, "
            "den piano sfygmo",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "h mitera mou apo simera exei adynamia kai sta dyo podia, moudiasma sta gennitika "
            "kai den mporei na ourisei",
            {"leg_weakness": True, "saddle_numbness": True, "bladder_problem": True},
        ),
        (
            "exei pyreto 39 kai h kokkinila sti gampa aplonetai grigora",
            {"fever": True, "spreading_redness": True},
        ),
        ("den exei pureto kai den exei priksimo", {"fever": False, "leg_swelling": False}),
    ],
)
def test_greeklish_danger_signs(text: str, expected: dict[str, bool]) -> None:
    assert detect_language(text) == "el"
    assert transliterated_language(text) == "el"
    says(text, "el", **expected)


def test_greeklish_emergency_is_an_emergency() -> None:
    text = "o pateras mou ksafnika exei dynato pono sto podi, to podi einai krio kai xlomo"
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Mio padre ha la gamba gonfia e calda da ieri, non ha febbre.",
        "Mi padre tiene la pierna hinchada y caliente desde ayer.",
        "Tata ma spuchniętą nogę od wczoraj i gorączkę.",
        "mere pair mein bahut dard hai aur raat ko neend nahi aati",
        "My dad's calf is swollen and hot since yesterday.",
    ],
)
def test_other_languages_are_not_taken_for_greeklish(text: str) -> None:
    assert detect_language(text) != "el"
    assert transliterated_language(text) != "el"


# --- Findings the emergency and urgent rules need (medicines, conditions, signs) --------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ο μπαμπάς παίρνει Sintrom και έκανε μαύρα κόπρανα",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("η μαμά κάνει χημειοθεραπεία", {"on_chemotherapy": True}),
        (
            "ο παππούς έχει ζάχαρο και δύσκολα ξυπνάει",
            {"diabetes": True, "altered_mental_state": True},
        ),
        ("πόνος στο στήθος σαν να σκίζεται", {"tearing_chest_back_pain": True}),
        (
            "έχει γύψο και ο πόνος είναι δυσανάλογος",
            {"leg_in_cast": True, "pain_out_of_proportion": True},
        ),
        ("δεν μπορεί να κουνήσει τα πόδια του καθόλου", {"legs_cannot_move": True}),
        ("παίρνει λάσιξ για τα νερά", {"med_diuretic": True}),
        ("τον δάγκωσε φίδι", {"venomous_bite": True}),
        ("πόνος στον όρχι", {"testicular_pain": True}),
        ("έχει πίεση 18 με 11", {"severe_high_blood_pressure": True}),
        ("παίρνει διγοξίνη και ο σφυγμός είναι 40", {"med_digoxin": True, "slow_pulse": True}),
        ("παίρνει Zyprexa", {"med_antipsychotic": True}),
        ("ξέχασε την ινσουλίνη δύο μέρες", {"missed_insulin": True}),
        ("τα μάτια του κιτρίνισαν", {"jaundice": True}),
        ("δεν έχει ουρήσει από το πρωί", {"little_or_no_urine": True}),
        ("είχαμε το μαγκάλι αναμμένο όλη νύχτα", {"household_co_exposure": True}),
        ("σταμάτησε την κορτιζόνη απότομα", {"adrenal_risk": True}),
        ("η μία γάμπα είναι πιο χοντρή από την άλλη", {"calf_bigger_than_other": True}),
        ("έχει μικροδρεπανοκυτταρική αναιμία", {"sickle_cell": True}),
        ("βρήκαμε τσιμπούρι στο πόδι", {"tick_bite": True}),
        # Greeklish, read through the Greek skeleton.
        (
            "o babas mou pairnei sintrom kai ekane maura koprana",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("h mama mou kanei ximeiotherapeia", {"on_chemotherapy": True}),
        (
            "o pappous exei zaxaro kai diskola ksipnaei",
            {"diabetes": True, "altered_mental_state": True},
        ),
    ],
)
def test_greek_findings_of_the_emergency_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "el", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Δεν παίρνει αντιπηκτικά, αλλά πονάει το πόδι", {"med_anticoagulant": False}),
        ("Δεν έχει διαβήτη.", {"diabetes": False}),
        ("Δεν έχει γύψο.", {"leg_in_cast": False}),
    ],
)
def test_greek_new_findings_are_denied(text: str, expected: dict[str, bool]) -> None:
    says(text, "el", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: an antidepressant and tramadol, jerks, fever, agitation.
        "Ο άντρας μου παίρνει σερτραλίνη και ο γιατρός του έδωσε τραμαντόλη, τώρα έχει "
        "τινάγματα, πυρετό και είναι πολύ ταραγμένος, τι να κάνω;",
        # Guillain-Barre after a stomach bug.
        "Ο γιος μου είχε γαστρεντερίτιδα πριν δύο εβδομάδες και τώρα έχει αδυναμία και στα δύο "
        "πόδια και μυρμήγκιασμα που ανεβαίνει",
        # Bleeding on a blood thinner.
        "Ο μπαμπάς μου παίρνει Sintrom και σήμερα έκανε μαύρα κόπρανα σαν πίσσα και λιποθύμησε",
        # Fever during chemotherapy.
        "Η μαμά μου κάνει χημειοθεραπεία και έχει πυρετό 38.5",
        # Diabetes with confusion.
        "Ο παππούς έχει ζάχαρο και σήμερα είναι μπερδεμένος και δύσκολα ξυπνάει",
        # Aortic dissection.
        "Ο άντρας μου έχει ξαφνικά πόνο στο στήθος σαν να σκίζεται που πηγαίνει στην πλάτη",
        # Cast, pain out of proportion and numb toes.
        "Ο γιος μου έχει γύψο στο πόδι και ο πόνος είναι δυσανάλογος, τα δάχτυλα έχουν μουδιάσει",
        # Sudden paralysis.
        "Ο αδερφός μου ξαφνικά δεν μπορεί να κουνήσει τα πόδια του καθόλου",
        # Snake bite with vomiting.
        "Τον παππού τον δάγκωσε φίδι στο πόδι και κάνει εμετό",
        # Torsion.
        "Ο γιος μου έχει ξαφνικά δυνατό πόνο στον όρχι και κάνει εμετό",
        # Greeklish.
        "O babas mou pairnei sintrom kai simera ekane maura koprana san pissa kai lipothimise",
        "H mama mou kanei ximeiotherapeia kai exei pireto 38.5",
        "O antras mou exei ksafnika pono sto stithos san na skizetai pou paei stin plati",
    ],
)
def test_greek_new_emergency_patterns_end_to_end(text: str) -> None:
    assert triage(text) == "emergency"


def test_greek_benign_calf_ache_after_running_stays_below_urgent() -> None:
    assert triage("Με πονάει λίγο η γάμπα το βράδυ μετά το τρέξιμο, τίποτα σοβαρό") not in {
        "emergency",
        "urgent",
    }
