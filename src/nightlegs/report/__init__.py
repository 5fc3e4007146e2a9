"""The report for the doctor (HTML and PDF), trend charts and the FHIR R4 export."""

from nightlegs.report.charts import trends_figure, trends_png, trends_svg
from nightlegs.report.data import ReportData, build_report_data, grade_movements

__all__ = [
    "ReportData",
    "build_report_data",
    "grade_movements",
    "trends_figure",
    "trends_png",
    "trends_svg",
]
