"""The report for the doctor (HTML and PDF), trend charts and the FHIR R4 export."""

__all__: list[str] = []
