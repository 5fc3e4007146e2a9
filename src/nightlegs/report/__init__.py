"""The report for the doctor (HTML and PDF), trend charts and the FHIR R4 export."""

from nightlegs.report.charts import trends_figure, trends_png, trends_svg
from nightlegs.report.data import ReportData, build_report_data, describe_period
from nightlegs.report.fhir import build_fhir_bundle
from nightlegs.report.html import render_report_html
from nightlegs.report.pdf import render_report_pdf

__all__ = [
    "ReportData",
    "build_fhir_bundle",
    "build_report_data",
    "describe_period",
    "render_report_html",
    "render_report_pdf",
    "trends_figure",
    "trends_png",
    "trends_svg",
]
