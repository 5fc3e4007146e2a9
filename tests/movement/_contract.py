"""The keys of docs/json-contract.md section 3, written out (not imported from the code)."""

CONTRACT_KEYS = {
    "recording_hours",
    "sleep_hours",
    "lm_count",
    "plm_count",
    "plms_count",
    "lm_index",
    "plm_index",
    "plms_index",
    "plmw_index",
    "severity_article",
    "severity_clinical",
    "events",
}
