"""The condition ids that other tools rely on (shared spec CONDITIONS.md).

The knowledge base must define every one of these; it may define more.
"""

from __future__ import annotations

__all__ = ["CATALOGUE_CONDITION_IDS"]

CATALOGUE_CONDITION_IDS: tuple[str, ...] = (
    "restless_legs_syndrome",
    "periodic_limb_movement_disorder",
    "nocturnal_leg_cramps",
    "mineral_deficiency",
    "drug_induced_muscle_symptoms",
    "growing_pains",
    "bone_tumour",
    "bone_infection",
    "deep_vein_thrombosis",
    "superficial_thrombophlebitis",
    "chronic_venous_disease",
    "peripheral_arterial_disease",
    "critical_limb_ischaemia",
    "acute_limb_ischaemia",
    "vasculitis",
    "lumbar_radiculopathy",
    "spinal_stenosis",
    "cauda_equina_syndrome",
    "peripheral_neuropathy",
    "metabolic_intoxication",
    "neurological_disease",
    "knee_osteoarthritis",
    "inflammatory_arthritis",
    "osteoporosis",
    "bakers_cyst",
    "old_injury_pain",
    "plantar_fasciitis",
    "sever_disease",
    "haglund_deformity",
    "achilles_bursitis",
    "tarsal_tunnel_syndrome",
    "flat_feet",
    "overuse_muscle_pain",
    "cellulitis",
    "compartment_syndrome",
)
