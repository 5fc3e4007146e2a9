"""Danger signs in descriptions in Portuguese (European and Brazilian), as people write them."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, red_flags_read, says, triage

from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.knowledge import knowledge_index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clot in the leg, and in the lung.
        (
            "Meu pai ta com a perna esquerda inchada, quente e vermelha desde ontem",
            {"leg_swelling": True, "leg_warm": True, "red_skin": True, "unilateral": True},
        ),
        (
            "minha mae ta com falta de ar e dor no peito, tossiu sangue hj de manha",
            {"breathless": True, "chest_pain": True, "coughing_blood": True},
        ),
        (
            "A perna toda inchou até a virilha depois de um voo de 11 horas.",
            {"whole_leg_swollen": True, "long_travel": True, "site_groin_hip": True},
        ),
        # A cold, pale leg.
        (
            "De repente o pé dele ficou gelado e roxo, não sinto o pulso",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        ("derrepente a perna da minha avó ficou branca e fria", {"pale_or_blue_foot": True}),
        # Cauda equina.
        (
            "Ele está com as duas pernas fracas, o bumbum dormente e não consegue fazer xixi",
            {
                "bilateral": True,
                "leg_weakness": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Quando me limpo não sinto nada e desde cedo estou sem urinar",
            {"saddle_numbness": True, "bladder_problem": True},
        ),
        ("A ciática desce pelas duas pernas.", {"bilateral_sciatica": True}),
        # Infection of the skin.
        (
            "A vermelhidão está se espalhando rápido, a perna tá pelando e ele tem calafrios",
            {"spreading_redness": True, "rapidly_worsening": True, "leg_warm": True, "fever": True},
        ),
        # Meningococcal rash, confusion.
        (
            "Minha filha tem febre, está confusa e tem manchinhas roxas que não somem no teste "
            "do copo",
            {"fever": True, "confusion": True, "purpura": True},
        ),
        # Stroke.
        (
            "A boca dele ficou torta, a fala enrolada e o braço direito fraco",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        # Pre-eclampsia.
        (
            "Estou grávida de 34 semanas, com dor de cabeça forte, vendo tudo embaçado e dor na "
            "boca do estômago",
            {"headache": True, "visual_disturbance": True, "upper_abdominal_pain": True},
        ),
        # Bleeding, dark urine, fainting.
        (
            "A variz estourou e está sangrando muito, não para de sangrar",
            {"varicose_bleeding": True, "heavy_bleeding": True},
        ),
        ("xixi escuro cor de coca cola depois do treino", {"dark_urine": True}),
        ("Ela desmaiou no banheiro.", {"fainting": True}),
        # A fall on thin bones.
        (
            "Minha avó caiu ontem, não consegue ficar em pé e dói a virilha. Tem osteoporose.",
            {
                "recent_fall": True,
                "refuses_weight": True,
                "site_groin_hip": True,
                "osteoporosis_known": True,
            },
        ),
        (
            "O meu pai escorregou e agora não põe o pé no chão, dói a anca.",
            {"refuses_weight": True},
        ),
        # European Portuguese words: "barriga da perna", "anca", "autocarro", "miúdo".
        (
            "O miúdo coxeia e queixa-se da anca desde que caiu.",
            {"limp": True, "site_groin_hip": True, "recent_fall": True},
        ),
        (
            "Fiz 14 horas de autocarro e a barriga da perna está inchada e dura como pedra",
            {"long_travel": True, "leg_swelling": True, "tight_tense_limb": True},
        ),
    ],
)
def test_portuguese_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "pt", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Não tem febre e a perna não está inchada.", {"fever": False, "leg_swelling": False}),
        ("Sem febre, sem falta de ar.", {"fever": False, "breathless": False}),
        # Post-negations: "Febre não." and the Brazilian double negative.
        ("Febre não tem.", {"fever": False}),
        ("Ele não tem febre não.", {"fever": False}),
        ("Falta de ar nenhuma.", {"breathless": False}),
        # Chat spellings of "não".
        ("n tem febre", {"fever": False}),
        ("ñ tem falta de ar", {"breathless": False}),
        ("naum tem febre", {"fever": False}),
        # Pseudo-negations deny nothing.
        ("Não sei se é febre, ele tá quente.", {"fever": True}),
        ("Dói sem parar e está inchada.", {"leg_swelling": True}),
        ("Não só a perna está inchada, também está vermelha.", {"leg_swelling": True}),
        # A clause break ("mas") stops the negation.
        (
            "Não tem falta de ar mas a perna direita está inchada",
            {"breathless": False, "leg_swelling": True},
        ),
        # A phrase that says the negative itself is not turned around.
        ("Não consegue andar.", {"refuses_weight": True}),
    ],
)
def test_portuguese_negation(text: str, expected: dict[str, bool | None]) -> None:
    says(text, "pt", **expected)


def test_without_words_between_is_not_a_lack_of_breath() -> None:
    # "sem falta de ar" (no shortness of breath) is not "sem ar" (out of breath).
    says("Sem febre, sem falta de ar.", "pt", fever=False, breathless=False)
    says("Está sem ar.", "pt", breathless=True)
    # "sem dor ao fazer xixi" denies pain, not passing urine.
    says("Sem dor ao fazer xixi.", "pt", bladder_problem=None)


@pytest.mark.parametrize(
    ("text", "pregnant", "child", "age"),
    [
        ("Estou grávida de 30 semanas e com as pernas inchadas.", True, False, None),
        ("Sou gestante, 2º trimestre, com dor de cabeça.", True, False, None),
        ("Meu filho de 7 anos está mancando e com febre.", False, True, 7),
        ("Minha filha tem 4 aninhos e acorda chorando de dor.", False, True, 4),
        ("Minha filha de 35 anos tem câimbras.", False, False, 35),
        ("O miúdo tem 5 anos e coxeia.", False, True, 5),
        ("Meu pai de 80 anos caiu.", False, False, 80),
        ("Operei o joelho há 3 anos atrás.", False, False, None),
        # "bebe" is also "drinks": a man who drinks water is not a baby.
        ("Ele bebe muita água e tem câimbras.", False, False, None),
    ],
)
def test_portuguese_pregnancy_child_and_age(
    text: str, pregnant: bool, child: bool, age: int | None
) -> None:
    reading = find_foreign_findings(text, "pt")
    assert (reading.pregnant, reading.child, reading.age) == (pregnant, child, age)


@pytest.mark.parametrize(
    "text",
    [
        "Tive meu bebê há 10 dias, a panturrilha tá inchada",
        "Dei à luz semana passada e estou com dor de cabeça",
        "Fiz cesárea há 2 semanas",
        "Estou no resguardo e a perna inchou",
    ],
)
def test_recent_birth_is_read_and_the_baby_is_not_the_patient(text: str) -> None:
    reading = find_foreign_findings(text, "pt")
    assert "recent_childbirth" in {f.id for f in reading.findings if f.present}
    assert not reading.child


def test_growing_pains_find_no_danger_sign() -> None:
    text = (
        "Minha filha de 6 anos reclama de dor nas pernas à noite, de manhã acorda bem e brinca "
        "normal. Não tem febre e não está mancando."
    )
    findings = found(text, "pt")
    assert findings.get("morning_well") is True
    assert {
        k for k, present in findings.items() if present
    } & knowledge_index().red_flag_findings == set()


@pytest.mark.parametrize(
    "text",
    [
        # Common words that prefixes must not take for danger signs.
        "A mancha no meu pé é antiga.",  # "mancha" is not "mancando"
        "Ele adora batatas fritas.",  # "fritas" is not "frio"
        "Tem que tomar a dipirona para dormir.",
        "Ela dorme pouco.",  # "dorme" is not "dormência"
    ],
)
def test_everyday_words_are_not_danger_signs(text: str) -> None:
    assert not red_flags_read(text, "pt")


# --- Findings of the newer emergency and urgent rules ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Meu pai engessou a perna ontem e agora os dedos tão roxos e dormentes",
            {"leg_in_cast": True, "numbness": True},
        ),
        ("A dor é desproporcional, nem com morfina passa", {"pain_out_of_proportion": True}),
        (
            "quando a enfermeira estica os dedos do pé ele grita de dor",
            {"pain_passive_stretch": True},
        ),
        (
            "Minha avó toma marevan e fez cocô preto",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("ele toma xarelto e vomitou sangue", {"med_anticoagulant": True, "gi_bleeding": True}),
        ("minha mãe está fazendo quimio", {"on_chemotherapy": True}),
        (
            "meu filho é diabético, a glicose tá nas alturas e ele está confuso",
            {"diabetes": True, "high_blood_sugar": True, "altered_mental_state": True},
        ),
        ("esqueceu de aplicar a insulina ontem", {"missed_insulin": True}),
        ("teve uma hipoglicemia", {"low_blood_sugar": True}),
        (
            "De repente não consegue mexer as pernas",
            {"sudden_onset": True, "legs_cannot_move": True},
        ),
        (
            "sente uma dor dilacerante nas costas, entre as omoplatas",
            {"tearing_chest_back_pain": True},
        ),
        (
            "a panturrilha esquerda está bem mais grossa que a outra",
            {"calf_bigger_than_other": True, "site_calf": True},
        ),
        ("não fez xixi o dia todo", {"little_or_no_urine": True}),
        ("toma furosemida e digoxina", {"med_diuretic": True, "med_digoxin": True}),
        ("foi picado por uma jararaca no sítio", {"venomous_bite": True}),
        ("achei um carrapato na perna dele", {"tick_bite": True}),
        ("não consegue abrir a boca, o maxilar está travado", {"trismus": True}),
        ("está com muita dor no testículo esquerdo", {"testicular_pain": True}),
        ("tem fibrilação atrial", {"atrial_fibrillation": True}),
        ("toma quetiapina há uma semana", {"med_antipsychotic": True}),
        ("parou a prednisona de repente", {"adrenal_risk": True}),
        ("os olhos dele ficaram amarelos", {"jaundice": True}),
        ("apareceu um cobreiro na cintura", {"rash_in_a_band": True}),
        ("tem que dormir sentado, deitado sente falta de ar", {"orthopnoea": True}),
        ("o pulso está em 38 batimentos", {"slow_pulse": True}),
        ("teve uma virose com diarreia semana passada", {"recent_gut_infection": True}),
        ("a veia dura já sobe uns dois palmos", {"cord_long": True}),
        ("A pressão deu 16 por 11", {"severe_high_blood_pressure": True}),
    ],
)
def test_portuguese_reads_the_newer_danger_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "pt", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Não toma anticoagulante.", {"med_anticoagulant": False}),
        ("Sem sangue nas fezes.", {"gi_bleeding": False}),
        ("Não tem diabetes", {"diabetes": False}),
        ("Não está fazendo quimio.", {"on_chemotherapy": False}),
        ("Nenhuma dor no testículo.", {"testicular_pain": False}),
    ],
)
def test_portuguese_denies_the_newer_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "pt", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: an antidepressant plus tramadol, with fever and agitation.
        "meu marido toma sertralina e deram tramal pra ele, agora está com tremedeira, suando, "
        "muito agitado e com febre",
        # Guillain-Barre after a stomach bug.
        "teve uma gastroenterite faz duas semanas e agora as duas pernas estão fracas e formigando",
        # Bleeding on a blood thinner.
        "Meu avô toma Marevan, hoje fez cocô preto e desmaiou",
        # Fever during chemotherapy.
        "minha mãe tá fazendo quimio e está com febre de 38,5",
        # Diabetes with confusion.
        "meu pai é diabético e está confuso, não sabe que dia é",
        # Aortic dissection.
        "do nada uma dor dilacerante no peito que vai pras costas",
        # A cast with severe pain and numb toes.
        "minha filha engessou a perna, está com uma dor insuportável e os dedos dormentes",
        # Sudden paralysis of the legs.
        "De repente ele não consegue mexer as pernas",
        # Envenomation.
        "um escorpião picou o pé dele e ele está vomitando",
        # Diabetic ketoacidosis.
        "ela ficou sem insulina, a glicose tá nas alturas e está vomitando",
    ],
)
def test_portuguese_newer_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "O remédio não responde, a dor continua. Sou diabético.",
        "Ele cobra caro pela consulta.",
        "Meu joelho estala quando subo escadas.",
        "Tive febre de 40 graus ontem.",
        "Não tem sangue na urina.",  # not "has not passed urine"
        "Tenho um calombo duro atrás do calcanhar.",  # a heel bump, not a lump on a bone
        "Não dói quando acorda.",
    ],
)
def test_portuguese_everyday_words_are_not_new_danger_signs(text: str) -> None:
    assert not red_flags_read(text, "pt") - {"fever"}


def test_portuguese_benign_night_cramps_stay_below_urgent() -> None:
    text = (
        "Tenho 50 anos e à noite tenho cãibras na panturrilha, estico o pé e passa. De dia "
        "estou bem."
    )
    assert triage(text) not in {"emergency", "urgent"}


def test_out_of_nowhere_denies_nothing() -> None:
    # "do nada" (out of nowhere) holds "nada" but denies nothing.
    says(
        "do nada uma dor dilacerante no peito",
        "pt",
        sudden_onset=True,
        tearing_chest_back_pain=True,
    )
