"""The night diary: people and their profiles, nights, saved assessments and recordings."""

from nightlegs.diary._recording_nights import measured_index, night_of
from nightlegs.diary.csv_io import export_csv, import_csv
from nightlegs.diary.schemas import (
    AssessmentRecord,
    DiaryExport,
    Episode,
    EpisodeIn,
    Night,
    NightIn,
    Person,
    PersonIn,
    Profile,
    ProfileIn,
    RecordingRecord,
)
from nightlegs.diary.storage import SqlDiaryStore, default_database_url, open_store
from nightlegs.diary.store import DiaryStore

__all__ = [
    "AssessmentRecord",
    "DiaryExport",
    "DiaryStore",
    "Episode",
    "EpisodeIn",
    "Night",
    "NightIn",
    "Person",
    "PersonIn",
    "Profile",
    "ProfileIn",
    "RecordingRecord",
    "SqlDiaryStore",
    "default_database_url",
    "export_csv",
    "import_csv",
    "measured_index",
    "night_of",
    "open_store",
]
