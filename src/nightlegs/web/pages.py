"""Server-rendered pages of the web app (Jinja2 templates, small vanilla JS, no CDN).

Every page extends ``base.html``: ``lang="en"``, a skip link, the navigation, the CSRF token in
``<meta name="csrf-token">`` (``static/app.js`` sends it as ``X-CSRF-Token`` on every write) and
the disclaimer in the footer. The pages call the REST API from the browser; the result page is
rendered here, from the same :func:`nightlegs.assess` as ``POST /api/assess``, so an emergency
banner is in the first bytes of the page and needs no script.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from typing import Annotated, Any, NamedTuple

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from nightlegs.assessment import assess
from nightlegs.assessment.interview import MAX_QUESTIONS
from nightlegs.assessment.result import split_steps
from nightlegs.assessment.safety import DISCLAIMER
from nightlegs.diary.schemas import AssessmentRecord, Person
from nightlegs.diary.store import DiaryStore
from nightlegs.errors import InputError
from nightlegs.intake import MAX_TEXT_CHARS
from nightlegs.knowledge import load_knowledge_base
from nightlegs.knowledge.movement_grading import (
    ADULT_CUTOFF_PER_H,
    ARTICLE_BANDS,
    CHILD_CUTOFF_PER_H,
)
from nightlegs.web.deps import StoreDep
from nightlegs.web.messages import plain_input_error
from nightlegs.web.security import CSP, csrf_token, verify_csrf
from nightlegs.web.uploads import ALLOWED_SUFFIXES

__all__ = [
    "PERSON_COOKIE",
    "REPORT_PERIODS",
    "SavedBrief",
    "chosen_person",
    "render_page",
    "router",
    "triage_words",
    "whose",
]

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


def triage_words() -> dict[str, tuple[str, str]]:
    """The triage levels in plain words, by level: (title, what it means).

    The words are knowledge-base data (``triage/levels.yaml``), shared with the assessment,
    the report and the terminal.

    Examples
    --------
    >>> triage_words()["doctor"]
    ('Book an appointment with a doctor', 'See a doctor within days to weeks.')
    """
    return {
        w.level.value: (w.title, w.explanation) for w in load_knowledge_base().triage_wording.levels
    }


#: The cookie that remembers whose diary the pages show (a person id, set from ``?person=``).
PERSON_COOKIE = "nightlegs_person"
_COOKIE_MAX_AGE = 400 * 24 * 3600

#: The report periods the Report page offers, in days; 0 is every night.
REPORT_PERIODS: tuple[int, ...] = (30, 90, 365, 0)

_PersonParam = Annotated[int | None, Query(ge=1, le=2_147_483_647)]
_TREND_NIGHTS = 366
_CSP_INLINE_STYLE = f"{CSP}; style-src 'self' 'unsafe-inline'"


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("nightlegs.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["DISCLAIMER"] = DISCLAIMER
    env.globals["TRIAGE_WORDS"] = triage_words()
    env.globals["ARTICLE_BANDS"] = ARTICLE_BANDS
    env.globals["ADULT_CUTOFF_PER_H"] = ADULT_CUTOFF_PER_H
    env.globals["CHILD_CUTOFF_PER_H"] = CHILD_CUTOFF_PER_H
    env.globals["whose"] = whose
    env.globals["MAX_TEXT_CHARS"] = MAX_TEXT_CHARS
    return env


def whose(person: Person, people: list[Person], thing: str) -> str:
    """A heading for ``thing`` of the chosen person: "Your nights" in a diary of one person,
    "Ada's nights" when there are more (so nobody wonders whose list it is).

    Examples
    --------
    >>> ada, ben = Person.model_construct(name="Ada"), Person.model_construct(name="Ben")
    >>> whose(ada, [ada], "nights"), whose(ada, [ada, ben], "nights")
    ('Your nights', "Ada's nights")
    """
    if len(people) > 1:
        return f"{person.name}'s {thing}"
    return f"Your {thing}"


def render_page(
    request: Request, template: str, /, *, csp: str | None = None, **context: Any
) -> HTMLResponse:
    """Render ``templates/<template>`` with the request, the CSRF token and ``context``.

    Parameters
    ----------
    request : Request
        The incoming request (for the CSRF token and the current path).
    template : str
        File name under ``nightlegs/web/templates``.
    csp : str, optional
        A Content-Security-Policy for this page instead of the app's default.
    **context
        Template variables.

    Returns
    -------
    HTMLResponse
        The page, never cached (it may hold health data).
    """
    html = (
        _environment()
        .get_template(template)
        .render(
            request=request,
            csrf_token=csrf_token(request),
            path=request.url.path,
            protected=request.app.state.settings.token is not None,
            **context,
        )
    )
    headers = {"Cache-Control": "no-store"}
    if csp is not None:
        headers["Content-Security-Policy"] = csp
    return HTMLResponse(html, headers=headers)


def chosen_person(
    request: Request, store: DiaryStore, asked: int | None = None
) -> tuple[Person, list[Person]]:
    """Whose diary the pages show, and every person of the diary.

    ``asked`` (the page's ``?person=``) wins, then the :data:`PERSON_COOKIE`; an unknown or
    malformed id falls back to the default person (the first), so a stale cookie never breaks
    a page.
    """
    people = store.list_people()
    cookie = request.cookies.get(PERSON_COOKIE, "")
    wanted = asked if asked is not None else (int(cookie) if cookie.isdigit() else None)
    for person in people:
        if person.id == wanted:
            return person, people
    return people[0], people


def _person_page(
    request: Request,
    store: DiaryStore,
    template: str,
    asked: int | None,
    /,
    *,
    csp: str | None = None,
    **context: Any,
) -> HTMLResponse:
    """A page of one person's diary, with the person chooser; ``?person=`` is remembered."""
    person, people = chosen_person(request, store, asked)
    response = render_page(request, template, csp=csp, person=person, people=people, **context)
    if asked is not None and asked == person.id:
        response.set_cookie(
            PERSON_COOKIE,
            str(person.id),
            max_age=_COOKIE_MAX_AGE,
            httponly=True,
            samesite="strict",
        )
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """Start the interview, or describe the complaint in your own words."""
    return render_page(request, "home.html", values={}, errors={})


_HOME_FIELDS = ("text", "age", "sex", "pregnant")


def _form_again(request: Request, exc: InputError, given: dict[str, str | None]) -> HTMLResponse:
    """The home form again with everything that was typed and the error next to its field
    (:func:`nightlegs.web.messages.plain_input_error`); ``400``."""
    field, message = plain_input_error(str(exc))
    values = {k: v for k, v in given.items() if v}
    if field == "findings":  # the interview's answers, not typed here: start them again
        values.pop("findings", None)
    if field not in _HOME_FIELDS:
        field = ""
    page = render_page(request, "home.html", values=values, errors={field: message})
    page.status_code = 400
    return page


@router.get("/interview", response_class=HTMLResponse)
def interview(request: Request) -> HTMLResponse:
    """The step-by-step interview (driven by ``POST /api/interview`` from ``app.js``)."""
    return render_page(request, "interview.html", max_questions=MAX_QUESTIONS)


def _optional_float(value: str | None, name: str) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        raise InputError(f"{name}: must be a number") from None


def _optional_bool(value: str | None) -> bool | None:
    return {"yes": True, "true": True, "no": False, "false": False}.get((value or "").lower())


def _findings(value: str | None) -> dict[str, bool] | None:
    if not value:
        return None
    try:
        data = json.loads(value)
    except json.JSONDecodeError:
        raise InputError("findings: must be a JSON object of finding id to true/false") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, bool)) for k, v in data.items()
    ):
        raise InputError("findings: must be a JSON object of finding id to true/false")
    return {k: v for k, v in data.items() if v is not None}


@router.get("/result", response_class=HTMLResponse)
def result_empty(request: Request) -> HTMLResponse:
    """Without a submitted description there is nothing to show: point to the start."""
    return render_page(request, "result.html", result=None, error=None)


_TextField = Annotated[str | None, Form(max_length=MAX_TEXT_CHARS)]
_ShortField = Annotated[str | None, Form(max_length=10)]
_FindingsField = Annotated[str | None, Form(max_length=20000)]


def _assess_form(
    text: str | None,
    age: str | None,
    sex: str | None,
    pregnant: str | None,
    findings: str | None,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """Assess the form's fields: ``(request, result, fields to send again to save it)``."""
    request_data: dict[str, Any] = {
        "text": text.strip() if text and text.strip() else None,
        "age": _optional_float(age, "age"),
        "sex": sex if sex in ("female", "male") else None,
        "pregnant": _optional_bool(pregnant),
        "findings": _findings(findings),
    }
    data = assess(
        request_data["text"],
        age=request_data["age"],
        sex=request_data["sex"],
        pregnant=request_data["pregnant"],
        findings=request_data["findings"],
    ).to_dict()
    given = {"text": text, "age": age, "sex": sex, "pregnant": pregnant, "findings": findings}
    return request_data, data, {k: v for k, v in given.items() if v}


@router.post("/result", response_class=HTMLResponse, dependencies=[Depends(verify_csrf)])
def result(
    request: Request,
    store: StoreDep,
    text: _TextField = None,
    age: _ShortField = None,
    sex: _ShortField = None,
    pregnant: _ShortField = None,
    findings: _FindingsField = None,
) -> HTMLResponse:
    """Assess a description and/or interview answers and render it; nothing is kept.

    A form post (``csrf_token`` field) from the home page or the end of the interview; the
    fields are those of ``POST /api/assess``, with ``findings`` as a JSON object. The page
    offers "Save to <name>'s diary" for the chosen person (:func:`chosen_person`) first and
    for each other person after, which posts the same fields to ``/result/save``.
    """
    try:
        _, data, asked = _assess_form(text, age, sex, pregnant, findings)
    except InputError as exc:
        given = {"text": text, "age": age, "sex": sex, "pregnant": pregnant, "findings": findings}
        return _form_again(request, exc, given)
    chosen, people = chosen_person(request, store)
    return _result_page(request, data, asked, people, chosen, saved=None)


def _result_page(
    request: Request,
    data: dict[str, Any],
    asked: Any,
    people: Any,
    chosen: Any,
    *,
    saved: dict[str, Any] | None,
) -> HTMLResponse:
    """The result page, with the save buttons for ``people`` (``chosen`` first)."""
    return render_page(
        request,
        "result.html",
        result=data,
        steps=split_steps(data.get("next_steps", []), str(data.get("triage", ""))),
        error=None,
        asked=asked,
        people=people,
        chosen=chosen,
        saved=saved,
    )


@router.post("/result/save", response_class=HTMLResponse, dependencies=[Depends(verify_csrf)])
def save_result(
    request: Request,
    store: StoreDep,
    person: Annotated[int | None, Form(ge=1, le=2_147_483_647)] = None,
    text: _TextField = None,
    age: _ShortField = None,
    sex: _ShortField = None,
    pregnant: _ShortField = None,
    findings: _FindingsField = None,
) -> HTMLResponse:
    """Save the result the person chose to keep, in the diary of ``person``, and show it again.

    The same fields are assessed again (the assessment is deterministic for one knowledge-base
    version), so the page never trusts a result sent back by the browser.
    """
    try:
        request_data, data, asked = _assess_form(text, age, sex, pregnant, findings)
    except InputError as exc:
        given = {"text": text, "age": age, "sex": sex, "pregnant": pregnant, "findings": findings}
        return _form_again(request, exc, given)
    who = store.get_person(person)
    record = store.add_assessment(
        request_data, data, str(data.get("kb_version", "")), person=who.id
    )
    return _result_page(request, data, asked, store.list_people(), who, saved=_saved(who, record))


def _saved(who: Person, record: AssessmentRecord) -> dict[str, Any]:
    """What the result page says about a saved result (whose diary, when, which)."""
    brief = SavedBrief.of(record)
    return {"name": who.name, "person_id": who.id, "id": brief.id, "at": brief.saved_at}


class SavedBrief(NamedTuple):
    """One saved assessment as the Diary page lists it."""

    id: int
    saved_at: str
    triage: str
    causes: str

    @classmethod
    def of(cls, record: AssessmentRecord) -> SavedBrief:
        """The brief of ``record``: local date and time, triage in words, top three causes.

        Examples
        --------
        >>> import datetime as dt
        >>> record = AssessmentRecord(id=4, person_id=1, kb_version="1",
        ...     created_at=dt.datetime(2025, 5, 1, 9, tzinfo=dt.UTC), request={},
        ...     result={"triage": "doctor", "conditions": [{"name": "Cramps"}]})
        >>> brief = SavedBrief.of(record)
        >>> brief.triage, brief.causes
        ('Book an appointment with a doctor', 'Cramps')
        """
        triage = record.result.triage.value
        names = [c.name for c in record.result.conditions[:3]]
        return cls(
            id=record.id,
            saved_at=record.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            triage=triage_words().get(triage, (triage or "unknown",))[0],
            causes="; ".join(names) or "none ranked",
        )


@router.get("/diary", response_class=HTMLResponse)
def diary(request: Request, store: StoreDep, person: _PersonParam = None) -> HTMLResponse:
    """The night diary of the chosen person: a form for one night, the list of nights, the
    saved assessments (open, delete) and a form to add a person."""
    who, _ = chosen_person(request, store, person)
    saved = [SavedBrief.of(r) for r in store.list_assessments(person=who.id, limit=1000)]
    return _person_page(request, store, "diary.html", person, saved=saved)


@router.get("/assessments/{assessment_id}", response_class=HTMLResponse)
def saved_assessment(
    request: Request,
    store: StoreDep,
    assessment_id: Annotated[int, Path(ge=1, le=2_147_483_647)],
    person: _PersonParam = None,
) -> HTMLResponse:
    """A saved assessment of the chosen person, shown again as its result page."""
    who, people = chosen_person(request, store, person)
    record = store.get_assessment(assessment_id, person=who.id)
    data = record.result.to_dict()
    return _result_page(request, data, {}, people, who, saved=_saved(who, record))


@router.post("/assessments/{assessment_id}/delete", dependencies=[Depends(verify_csrf)])
def delete_saved_assessment(
    store: StoreDep,
    assessment_id: Annotated[int, Path(ge=1, le=2_147_483_647)],
    person: Annotated[int, Form(ge=1, le=2_147_483_647)],
) -> RedirectResponse:
    """Delete a saved assessment of ``person`` (a form on the Diary page), then back there."""
    store.delete_assessment(assessment_id, person=person)
    return RedirectResponse(f"/diary?person={person}#h-saved", status_code=303)


@router.get("/trends", response_class=HTMLResponse)
def trends(request: Request, store: StoreDep, person: _PersonParam = None) -> HTMLResponse:
    """Movements per hour, pain and cramps per night, with the article bands shaded.

    The chart is the report's (:func:`nightlegs.report.trends_svg`) inline; its SVG carries
    style attributes, so this page allows inline styles (never inline script).
    """
    from nightlegs.report import trends_svg
    from nightlegs.report.data import is_child

    who, _ = chosen_person(request, store, person)
    nights = store.list_nights(person=who.id, limit=_TREND_NIGHTS)
    if not nights:
        return _person_page(request, store, "trends.html", person, svg=None)
    # A child's movements are read against the children's cut-off (5/h), as in the report.
    child = is_child(store.get_profile(person=who.id), dt.date.today())
    svg = trends_svg(nights, child=child)
    return _person_page(request, store, "trends.html", person, svg=svg, csp=_CSP_INLINE_STYLE)


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request, store: StoreDep, person: _PersonParam = None) -> HTMLResponse:
    """Upload a recording, follow its analysis, show the indices and both gradings."""
    return _person_page(request, store, "upload.html", person, accept=",".join(ALLOWED_SUFFIXES))


@router.get("/report", response_class=HTMLResponse)
def report(
    request: Request,
    store: StoreDep,
    person: _PersonParam = None,
    days: Annotated[int, Query(ge=0, le=3660)] = 30,
) -> HTMLResponse:
    """Download the chosen person's report for the doctor (HTML or PDF) over a chosen period,
    and the exports."""
    from nightlegs.report import describe_period

    shown = REPORT_PERIODS if days in REPORT_PERIODS else (days, *REPORT_PERIODS)
    periods = [(n, describe_period(n)) for n in shown]
    return _person_page(request, store, "report.html", person, days=days, periods=periods)
