/* nightlegs web app: small vanilla JS, no dependencies, works offline.
 * Every write sends the page's CSRF token as X-CSRF-Token. Data goes into the page with
 * textContent only (never innerHTML), so nothing typed can run as code. */
"use strict";

const NL = (() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || "";
  const $ = (sel, root = document) => root.querySelector(sel);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  };

  /** A readable message from an API error body: the plain-words `message` the server gives
   * for each invalid field (nightlegs.web.messages), else its detail. */
  function errorMessage(status, body) {
    const detail = body && body.detail;
    if (Array.isArray(detail)) {
      return detail.map((d) => d.message || d.msg).join(". ");
    }
    if (body && body.message) return body.message;
    if (typeof detail === "string") return detail;
    return `The server answered ${status}.`;
  }

  /** [field path, message] for each invalid field of an API error body. */
  function fieldErrors(body) {
    const detail = body && body.detail;
    if (Array.isArray(detail)) {
      return detail.map((d) => [(d.loc || []).filter((p) => p !== "body"), d.message || d.msg]);
    }
    if (body && body.field) return [[[body.field], body.message || detail]];
    return [];
  }

  function clearFieldErrors(form) {
    for (const p of form.querySelectorAll(".field-error")) p.remove();
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      const before = input.dataset.describedby;
      if (before) input.setAttribute("aria-describedby", before);
      else input.removeAttribute("aria-describedby");
    }
  }

  /** Put each field's error under its input in `form` (inputs named as the API fields; an
   * episode's inputs by data-name inside the n-th fieldset.episode). Focus the first; return
   * whether any was placed. What was typed is left as it is. */
  function showFieldErrors(form, err) {
    clearFieldErrors(form);
    let first = null;
    fieldErrors(err && err.body).forEach(([path, message], n) => {
      const names = path.filter((p) => typeof p === "string");
      const field = names[names.length - 1];
      const index = path.find((p) => typeof p === "number");
      let input = null;
      if (path[0] === "episodes" && index !== undefined) {
        const fs = form.querySelectorAll("fieldset.episode")[index];
        input = fs ? fs.querySelector(`[data-name="${field}"]`) : null;
      } else if (field) {
        input = form.querySelector(`[name="${field}"]`);
      }
      if (!input || input.type === "hidden") return;
      const id = `${input.id || field}-error-${n}`;
      input.parentElement.append(el("p", { class: "field-error error", id, text: message }));
      if (!input.hasAttribute("aria-invalid")) {
        input.dataset.describedby = input.getAttribute("aria-describedby") || "";
      }
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${input.dataset.describedby} ${id}`.trim());
      first = first || input;
    });
    if (first) first.focus();
    return first !== null;
  }

  /** The person whose diary the page shows (rendered by the server from ?person= or the
   * nightlegs_person cookie); every diary call of the page goes to that person. */
  const person = () => document.body.dataset.person || "";
  const withPerson = (path) => {
    const id = person();
    if (!id || !path.startsWith("/api/") || path.startsWith("/api/people")) return path;
    return `${path}${path.includes("?") ? "&" : "?"}person=${encodeURIComponent(id)}`;
  };

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    const init = { method, headers, credentials: "same-origin" };
    if (method !== "GET") headers["X-CSRF-Token"] = csrf();
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(withPerson(path), init);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (_) { data = null; }
    if (!response.ok) {
      const error = new Error(errorMessage(response.status, data));
      error.status = response.status;
      error.body = data;
      throw error;
    }
    return data;
  }

  const num = (v) => (v === "" || v === null || v === undefined ? null : Number(v));
  /** Movements per hour as the report prints them (nightlegs.report fmt_number): one
   * decimal without a trailing ".0"; "–" when there is none. */
  const perHour = (v) => (v === null || v === undefined ? "–" : Number(v).toFixed(1).replace(/\.0$/, ""));
  const listOf = (data) => (Array.isArray(data) ? data : (data && (data.items || data.nights)) || []);
  return {
    $, el, api, csrf, num, perHour, listOf, errorMessage, withPerson, showFieldErrors,
    clearFieldErrors,
  };
})();

/* ---------- Interview ---------- */
/* The interview is stateless on the server: every step sends the description (if any) and all
 * answers so far. A yes/no question is answered with one evidence item; a choice question with
 * one item per option (true for the chosen, false for the rest, all null for "don't know"). */
function initInterview() {
  const { $, el, api, num } = NL;
  // answers: one entry per question answered, each a list of evidence items.
  const state = { answers: [], text: "", population: {}, busy: false, question: null };
  const startForm = $("#start-form");
  const questionBox = $("#interview-question");
  const answerForm = $("#answer-form");
  const choiceBox = $("#choice-answers");
  const choiceError = $("#choice-error");
  const status = $("#interview-status");
  const errorBox = $("#interview-error");
  const progress = $("#interview-progress");
  const NONE = "none-of-these";
  const UNKNOWN = "dont-know";

  const evidence = () => state.answers.flat();

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    state.busy = false;
  }

  function finish() {
    const form = $("#result-form");
    const findings = {};
    for (const e of evidence()) if (e.present !== null) findings[e.id] = e.present;
    form.elements.text.value = state.text;
    form.elements.age.value = state.population.age ?? "";
    form.elements.sex.value = state.population.sex ?? "";
    form.elements.pregnant.value =
      state.population.pregnant === null || state.population.pregnant === undefined
        ? "" : (state.population.pregnant ? "yes" : "no");
    form.elements.findings.value = JSON.stringify(findings);
    questionBox.hidden = true;
    $("#interview-finishing").hidden = false;
    status.textContent = "Working out the result.";
    form.submit();
  }

  /** An emergency: the banner at the top, what to do, and no more questions. */
  function showEmergency(data) {
    const reasons = data.triage_reasons || [];
    const actions = data.actions || [];
    $("#interview-start").hidden = true;
    questionBox.hidden = true;
    const banner = $("#emergency-banner");
    banner.hidden = false;
    const now = $("#emergency-now");
    // The default action is rendered into the page from the knowledge base's triage words.
    now.textContent = actions[0] || now.dataset.default;
    $("#emergency-why").textContent = reasons.length
      ? `This may be an emergency: ${reasons[0].replace("Danger sign: ", "")}` : "";
    $("#emergency-reasons").replaceChildren(...reasons.map((r) => el("li", { text: r })));
    $("#emergency-actions").replaceChildren(...actions.map((a) => el("li", { text: a })));
    $("#interview-emergency").hidden = false;
    $("#h-emergency").focus();
    state.busy = false;
  }

  function showLeading(conditions, asked) {
    const box = $("#leading");
    const list = $("#leading-list");
    list.replaceChildren();
    const top = (conditions || []).filter((c) => c && c.name).slice(0, 3);
    for (const c of top) {
      const pct = typeof c.probability === "number" ? ` (${Math.round(c.probability * 100)}%)` : "";
      list.append(el("li", { text: c.name + pct }));
    }
    box.hidden = top.length === 0 || asked < 3;
  }

  /** Radio buttons (one answer) or checkboxes (all that apply), then "None of these" and
   * "Don't know", each with its own label. */
  function renderChoices(question) {
    const type = question.multiple ? "checkbox" : "radio";
    const item = (value, text, special) => {
      const id = `choice-${special ? value : `option-${value}`}`;
      const input = el("input", { type, name: "choice", id, value });
      if (special) input.dataset.special = value;
      return el("div", { class: special ? "choice choice-special" : "choice" },
        input, el("label", { for: id, text }));
    };
    choiceBox.replaceChildren(
      ...question.options.map((o) => item(o.id, o.text, false)),
      item(NONE, "None of these", true),
      item(UNKNOWN, "Don't know", true),
    );
  }

  /** The evidence items of the chosen answer, or null when nothing is chosen. */
  function choiceAnswer(question) {
    const checked = [...choiceBox.querySelectorAll("input:checked")];
    if (checked.length === 0) return null;
    const special = checked.find((i) => i.dataset.special);
    const chosen = new Set(checked.filter((i) => !i.dataset.special).map((i) => i.value));
    return question.options.map((o) => ({
      id: o.id,
      present: special && special.dataset.special === UNKNOWN ? null : chosen.has(o.id),
    }));
  }

  function progressText(n, expected, most) {
    // Both counts include the question on screen.
    const likely = expected - 1;
    const limit = most - 1;
    if (limit <= 0) return `Question ${n}, the last`;
    if (likely <= 0) return `Question ${n}, possibly the last (at most ${limit} more)`;
    return `Question ${n}, about ${likely} more (at most ${limit})`;
  }

  async function step() {
    state.busy = true;
    errorBox.hidden = true;
    let data;
    const body = { ...state.population, evidence: evidence() };
    if (state.text) body.text = state.text;
    try {
      data = await api("POST", "/api/interview", body);
    } catch (err) {
      if (state.answers.length === 0 && NL.showFieldErrors(startForm, err)) {
        showError("Please check the fields marked below.");
        return;
      }
      showError(`Could not get the next question: ${err.message}`);
      return;
    }
    if (data.done && data.triage === "emergency") { showEmergency(data); return; }
    if (data.done || !data.question) { finish(); return; }
    const question = data.question;
    state.question = question;
    const n = data.asked + 1;
    const remaining = Math.max(data.remaining, 1);
    const expected = Math.min(Math.max(data.expected_remaining, 1), remaining);
    $("#question-text").textContent = question.text;
    $("#question-why").textContent = question.why || "It helps narrow down the causes.";
    $("#progress-label").textContent = progressText(n, expected, remaining);
    progress.max = data.asked + expected;
    progress.value = data.asked;
    questionBox.dataset.stage = data.stage || "";
    const choice = question.kind === "choice" && (question.options || []).length > 0;
    $("#yes-no-answers").hidden = choice;
    choiceBox.hidden = !choice;
    $("#choice-next").hidden = !choice;
    choiceError.hidden = true;
    if (choice) renderChoices(question); else choiceBox.replaceChildren();
    const notice = $("#read-notice");
    notice.hidden = data.understood !== false || state.answers.length > 0;
    notice.textContent = "nightlegs could not read your description, so the questions ask "
      + "instead. Any danger sign it did recognise is still taken into account.";
    $("#back-button").hidden = state.answers.length === 0;
    showLeading(data.conditions, data.asked);
    startSection(false);
    status.textContent = `${progressText(n, expected, remaining)}: ${question.text}`;
    $("#question-text").focus();
    state.busy = false;
  }

  function startSection(visible) {
    $("#interview-start").hidden = !visible;
    questionBox.hidden = visible;
  }

  function answer(items) {
    if (state.busy || !state.question) return;
    state.answers.push(items);
    step();
  }

  startForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state.busy) return;
    const f = startForm.elements;
    const pregnant = f.pregnant.value === "" ? null : f.pregnant.value === "yes";
    state.population = { age: num(f.age.value), sex: f.sex.value || null, pregnant };
    state.text = f.text.value.trim();
    state.answers = [];
    NL.clearFieldErrors(startForm);
    if (state.text) status.textContent = "Reading your description.";
    step();
  });

  for (const button of document.querySelectorAll(".answer")) {
    button.addEventListener("click", () => {
      if (!state.question) return;
      const present = { yes: true, no: false, unknown: null }[button.dataset.answer];
      answer([{ id: state.question.id, present }]);
    });
  }
  // "None of these" and "Don't know" exclude every other box of a choose-all-that-apply list.
  choiceBox.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type !== "checkbox" || !input.checked) return;
    for (const other of choiceBox.querySelectorAll("input:checked")) {
      if (other !== input && (input.dataset.special || other.dataset.special)) other.checked = false;
    }
    choiceError.hidden = true;
  });
  answerForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state.busy || !state.question || state.question.kind !== "choice") return;
    const items = choiceAnswer(state.question);
    if (items === null) {
      choiceError.textContent = "Please choose an answer, “None of these” or “Don't know”.";
      choiceError.hidden = false;
      choiceBox.querySelector("input")?.focus();
      return;
    }
    answer(items);
  });
  $("#back-button").addEventListener("click", () => {
    if (state.busy || state.answers.length === 0) return;
    state.answers.pop();
    step();
  });
  $("#finish-button").addEventListener("click", () => { if (!state.busy) finish(); });
  $("#emergency-result").addEventListener("click", finish);
}

/* ---------- Diary ---------- */
function initDiary() {
  const { $, el, api, num, listOf } = NL;
  const form = $("#night-form");
  const episodes = $("#episodes");
  const message = $("#night-message");
  const heading = $("#h-night-form");
  const addTitle = heading.textContent;
  let counter = 0;
  let editing = null;

  function renumber() {
    [...episodes.children].forEach((fs, i) => { $(".episode-number", fs).textContent = i + 1; });
  }

  function addEpisode(data) {
    const fragment = $("#episode-template").content.cloneNode(true);
    const fs = fragment.querySelector("fieldset");
    counter += 1;
    for (const input of fs.querySelectorAll("[data-name]")) {
      const id = `ep${counter}-${input.dataset.name}`;
      input.id = id;
      fs.querySelector(`label[data-for="${input.dataset.name}"]`).htmlFor = id;
      const value = data ? data[input.dataset.name] : undefined;
      if (value !== undefined && value !== null) {
        input.value = input.type === "time" ? String(value).slice(0, 5) : value;
      }
    }
    fs.querySelector(".remove-episode").addEventListener("click", () => {
      fs.remove();
      renumber();
      $("#add-episode").focus();
    });
    episodes.append(fs);
    renumber();
    return fs;
  }

  function collect() {
    const f = form.elements;
    const mph = num(f.movements_per_hour.value);
    const base = editing ? { ...editing } : {};
    for (const key of ["id", "person_id", "created_at", "updated_at"]) delete base[key];
    // A count measured by a recording stays so only while it is unchanged; a new value is typed in.
    const kept = editing !== null && editing.movements_per_hour === mph;
    const night = {
      ...base,
      date: f.date.value,
      bedtime: f.bedtime.value || null,
      wake_time: f.wake_time.value || null,
      sleep_quality: num(f.sleep_quality.value),
      movements_per_hour: mph,
      movements_source: mph === null ? null : (kept ? base.movements_source || "entered" : "entered"),
      recording_id: mph !== null && kept ? (base.recording_id ?? null) : null,
      notes: f.notes.value.trim() || null,
      episodes: [...episodes.children].map((fs) => {
        const get = (name) => fs.querySelector(`[data-name="${name}"]`).value;
        return {
          time: get("time") || null,
          side: get("side"),
          body_site: get("body_site").trim() || "leg",
          kind: get("kind"),
          intensity: num(get("intensity")) ?? 0,
          helped: get("helped").trim() || null,
        };
      }),
    };
    return night;
  }

  function resetForm() {
    editing = null;
    form.reset();
    episodes.replaceChildren();
    heading.textContent = addTitle;
    $("#save-night").textContent = "Save night";
    $("#cancel-edit").hidden = true;
  }

  function startEdit(night) {
    resetForm();
    editing = night;
    const f = form.elements;
    f.date.value = night.date;
    f.bedtime.value = night.bedtime ? night.bedtime.slice(0, 5) : "";
    f.wake_time.value = night.wake_time ? night.wake_time.slice(0, 5) : "";
    f.sleep_quality.value = night.sleep_quality ?? "";
    f.movements_per_hour.value = night.movements_per_hour ?? "";
    f.notes.value = night.notes ?? "";
    for (const e of night.episodes || []) addEpisode(e);
    heading.textContent = `Edit the night of ${night.date}`;
    $("#save-night").textContent = "Save changes";
    $("#cancel-edit").hidden = false;
    heading.scrollIntoView();
    f.date.focus();
  }

  async function load() {
    let nights;
    try {
      nights = listOf(await api("GET", "/api/nights"));
    } catch (err) {
      message.textContent = `Could not load the diary: ${err.message}`;
      return;
    }
    nights.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
    const table = $("#nights-table");
    const body = $("tbody", table);
    body.replaceChildren();
    for (const night of nights) {
      const summary = (night.episodes || []).map((e) => `${e.kind.replaceAll("_", " ")} ${e.intensity}/10`);
      const edit = el("button", { type: "button", class: "secondary", text: "Edit" });
      edit.setAttribute("aria-label", `Edit the night of ${night.date}`);
      edit.addEventListener("click", () => startEdit(night));
      const del = el("button", { type: "button", class: "secondary", text: "Delete" });
      del.setAttribute("aria-label", `Delete the night of ${night.date}`);
      del.addEventListener("click", async () => {
        if (!window.confirm(`Delete the night of ${night.date}?`)) return;
        try {
          await api("DELETE", `/api/nights/${night.id}`);
          message.textContent = `Deleted the night of ${night.date}.`;
          if (editing && editing.id === night.id) resetForm();
          await load();
          heading.focus?.();
        } catch (err) {
          message.textContent = `Could not delete: ${err.message}`;
        }
      });
      const measured = night.movements_source === "recording" ? " (measured)" : "";
      body.append(el("tr", { "data-night-id": String(night.id), id: `night-${night.id}` },
        el("th", { scope: "row", text: night.date }),
        el("td", { text: night.bedtime ? night.bedtime.slice(0, 5) : "–" }),
        el("td", { text: night.wake_time ? night.wake_time.slice(0, 5) : "–" }),
        el("td", { text: night.sleep_quality ?? "–" }),
        el("td", { text: summary.length ? summary.join(", ") : "none" }),
        el("td", { text: night.movements_per_hour === null ? "–" : `${NL.perHour(night.movements_per_hour)}${measured}` }),
        el("td", {}, el("span", { class: "actions" }, edit, del))));
    }
    table.hidden = nights.length === 0;
    $("#nights-empty").hidden = nights.length !== 0;
  }

  $("#add-episode").addEventListener("click", () => {
    const fs = addEpisode(null);
    fs.querySelector("input, select").focus();
  });
  $("#cancel-edit").addEventListener("click", () => { resetForm(); message.textContent = ""; });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.elements.date.value) {
      message.textContent = "Please enter the date of the night.";
      form.elements.date.focus();
      return;
    }
    const night = collect();
    NL.clearFieldErrors(form);
    try {
      const saved = editing
        ? await api("PUT", `/api/nights/${editing.id}`, night)
        : await api("POST", "/api/nights", night);
      message.textContent = `Saved the night of ${saved ? saved.date : night.date}.`;
      resetForm();
      form.elements.date.value = new Date().toISOString().slice(0, 10);
      await load();
    } catch (err) {
      const marked = NL.showFieldErrors(form, err);
      message.textContent = marked
        ? "The night was not saved: please correct the fields marked."
        : `Could not save: ${err.message}`;
    }
  });
  form.elements.date.value = new Date().toISOString().slice(0, 10);
  load();
}

/* ---------- Trends ---------- */
/** Per night: movements per hour, number of cramps, highest episode intensity (0-10), as in
 * the chart (nightlegs.report.trends_svg) that the server draws above the table. */
function nightSeries(nights) {
  return nights.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((n) => {
    const eps = n.episodes || [];
    const pains = eps.map((e) => e.intensity);
    return {
      date: n.date,
      mph: n.movements_per_hour ?? null,
      source: n.movements_per_hour === null || n.movements_per_hour === undefined ? null
        : n.movements_source === "recording" ? `measured (recording ${n.recording_id})` : "typed in",
      cramps: eps.filter((e) => e.kind === "cramp").length,
      pain: pains.length ? Math.max(...pains) : null,
    };
  });
}

async function initTrends() {
  const { $, el, api, listOf } = NL;
  let nights;
  try {
    nights = listOf(await api("GET", "/api/nights"));
  } catch (err) {
    $("#trends-empty").textContent = `Could not load the diary: ${err.message}`;
    $("#trends-empty").hidden = false;
    return;
  }
  if (nights.length === 0) { $("#trends-empty").hidden = false; return; }
  const series = nightSeries(nights);
  const body = $("#trends-data tbody");
  body.replaceChildren(...series.map((s) => el("tr", {},
    el("th", { scope: "row", text: s.date }), el("td", { text: NL.perHour(s.mph) }),
    el("td", { text: s.source ?? "–" }),
    el("td", { text: String(s.cramps) }), el("td", { text: s.pain ?? "–" }))));
  $("#trends-data").hidden = false;
}

/* ---------- Upload ---------- */
const INDEX_LABELS = [
  ["recording_hours", "Recording length (hours)"],
  ["sleep_hours", "Sleep (hours)"],
  ["lm_count", "Leg movements"],
  ["plm_count", "Periodic leg movements"],
  ["plms_count", "Periodic leg movements in sleep"],
  ["lm_index", "Leg movements per hour"],
  ["plm_index", "Periodic movements per hour of recording"],
  ["plms_index", "Periodic movements per hour of sleep (PLMS index)"],
  ["plmw_index", "Periodic movements per hour awake (PLMW index)"],
];

function showAnalysis(summary) {
  const { $, el } = NL;
  const body = $("#indices-body");
  body.replaceChildren(...INDEX_LABELS.map(([key, label]) => {
    const v = summary[key];
    const text = v === null || v === undefined ? "not available (needs sleep stages)" : String(v);
    return el("tr", { "data-key": key }, el("th", { scope: "row", text: label }), el("td", { text }));
  }));
  const band = summary.severity_clinical_band ? ` (${summary.severity_clinical_band})` : "";
  $("#grade-clinical").textContent = `${summary.severity_clinical ?? "–"}${band}`;
  $("#grade-article").textContent = summary.severity_article ?? "–";
  const warnings = summary.warnings || [];
  $("#upload-warnings").textContent = warnings.join(" ");
  $("#upload-warnings").hidden = warnings.length === 0;
  $("#upload-result").hidden = false;
  $("#h-upload-result").focus();
}

/** The picture of the analysis, drawn by the server (GET /api/recordings/{id}/plot.png). */
function showPlot(rec) {
  const { $ } = NL;
  const img = $("#upload-plot");
  const v = nightIndex(rec.analysis);
  img.alt = `Plot of the leg movements in ${rec.filename}: ${v ?? "no"} periodic movements per hour.`;
  img.src = NL.withPerson(`/api/recordings/${rec.id}/plot.png`);
  img.hidden = false;
  $("#upload-plot-caption").hidden = false;
}

/** The per-hour value a recording puts on its night: PLMS index, else PLM index. */
const nightIndex = (a) => (a ? (a.plms_index ?? a.plm_index ?? null) : null);

function diaryLink(night) {
  const { el } = NL;
  return el("a", { href: `/diary#night-${night.id}`, text: night.date });
}

function showNight(rec) {
  const { $, el } = NL;
  const line = $("#upload-night");
  const form = $("#night-form");
  if (!rec.night) { line.hidden = true; form.hidden = true; return; }
  const v = nightIndex(rec.analysis);
  line.replaceChildren(
    `${NL.perHour(v)} periodic movements per hour put on the diary night of `,
    diaryLink(rec.night), ".",
  );
  line.hidden = false;
  form.dataset.recording = String(rec.id);
  $("#night-date").value = rec.night.date;
  form.hidden = false;
}

async function loadRecordings() {
  const { $, el, api } = NL;
  let records;
  try {
    records = await api("GET", "/api/recordings");
  } catch (err) {
    $("#recordings-empty").textContent = `Could not load the recordings: ${err.message}`;
    $("#recordings-empty").hidden = false;
    return;
  }
  const table = $("#recordings-table");
  $("#recordings-empty").hidden = records.length > 0;
  table.hidden = records.length === 0;
  table.tBodies[0].replaceChildren(...records.map((r) => {
    const night = r.night ? diaryLink(r.night) : (r.analysis?.start?.slice(0, 10) ?? "–");
    const v = nightIndex(r.analysis);
    return el("tr", { "data-id": String(r.id) },
      el("th", { scope: "row" }, night), el("td", { text: r.filename }),
      el("td", { text: NL.perHour(v) }),
      el("td", { text: r.status === "failed" ? `failed: ${r.error || ""}` : r.status }));
  }));
}

function initUpload() {
  const { $, api, csrf, errorMessage } = NL;
  loadRecordings();
  $("#night-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const status = $("#upload-status");
    try {
      const rec = await api("PUT", `/api/recordings/${form.dataset.recording}/night`,
        { date: $("#night-date").value });
      showNight(rec);
      status.textContent = `Moved to the night of ${rec.night.date}.`;
      loadRecordings();
    } catch (err) {
      status.textContent = `Could not move the recording: ${err.message}`;
    }
  });
  const form = $("#upload-form");
  const bar = $("#upload-progress");
  const status = $("#upload-status");
  const button = $("#upload-button");

  async function poll(id) {
    for (;;) {
      let rec;
      try {
        rec = await api("GET", `/api/recordings/${id}`);
      } catch (err) {
        status.textContent = `Could not get the analysis: ${err.message}`;
        break;
      }
      if (rec.status === "done") {
        status.textContent = "Analysis finished.";
        showAnalysis(rec.analysis || rec.summary || rec);
        showPlot(rec);
        showNight(rec);
        loadRecordings();
        break;
      }
      if (rec.status === "failed") {
        status.textContent = `The analysis failed: ${rec.error || "unknown error"}`;
        loadRecordings();
        break;
      }
      status.textContent = rec.status === "running" ? "Analysing the recording…" : "Waiting to analyse…";
      await new Promise((r) => setTimeout(r, 500));
    }
    button.disabled = false;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) { status.textContent = "Please choose a file first."; return; }
    $("#upload-result").hidden = true;
    button.disabled = true;
    bar.value = 0;
    status.textContent = `Uploading ${file.name}…`;
    const data = new FormData();
    data.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", NL.withPerson("/api/recordings"));
    xhr.setRequestHeader("X-CSRF-Token", csrf());
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (_) { body = null; }
      if (xhr.status < 200 || xhr.status >= 300 || !body) {
        status.textContent = `The upload was refused: ${errorMessage(xhr.status, body)}`;
        button.disabled = false;
        return;
      }
      bar.value = 100;
      status.textContent = "Uploaded. Analysing the recording…";
      poll(body.id);
    });
    xhr.addEventListener("error", () => {
      status.textContent = "The upload failed (connection error).";
      button.disabled = false;
    });
    xhr.send(data);
  });
}

/* ---------- Person chooser (Diary, Trends, Upload, Report) ---------- */
/** Choosing a person shows the same page for them (the server remembers the choice in the
 * nightlegs_person cookie); without script the form's "Show" button does the same. */
function initPersonBar() {
  const form = NL.$("#person-form");
  if (!form) return;
  NL.$("#person-show").hidden = true;
  NL.$("#person-choice").addEventListener("change", () => form.submit());
}

function initAddPerson() {
  const { $, api, num } = NL;
  const form = $("#person-add-form");
  const message = $("#person-message");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = form.elements;
    const name = f.name.value.trim();
    if (!name) {
      message.textContent = "Please enter a name or nickname.";
      f.name.focus();
      return;
    }
    const body = { name, birth_year: num(f.birth_year.value), sex: f.sex.value || null };
    NL.clearFieldErrors(form);
    try {
      const created = await api("POST", "/api/people", body);
      message.textContent = `Added ${created.name}. Opening their diary…`;
      window.location.assign(`/diary?person=${created.id}`);
    } catch (err) {
      const marked = NL.showFieldErrors(form, err);
      message.textContent = marked
        ? "The person was not added: please correct the fields marked."
        : `Could not add the person: ${err.message}`;
    }
  });
}

/** A form with data-confirm (deleting a saved result) asks first. */
function initConfirmForms() {
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  initPersonBar();
  initConfirmForms();
  const page = document.body.dataset.page;
  if (page === "diary") initAddPerson();
  if (page === "report") {
    const form = NL.$("#period-form");
    NL.$("#period-show").hidden = true;
    NL.$("#period-choice").addEventListener("change", () => form.submit());
  }
  const init = { interview: initInterview, diary: initDiary, trends: initTrends, upload: initUpload }[page];
  if (init) init();
});
