"""German and English words: one place for units, their plurals and the phrases results print.

German needs the case as well as the number: "Puffer +1 Monat", "um 2 Monate
überschritten", but "mit 4 Monaten Puffer" (dative plural). Phrases are looked up by a
key and filled with structured values (`phrase`); no code parses them back.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["GRID_COLUMNS", "HEADINGS", "LABELS", "MONTH_NAMES", "PHRASES", "periods", "phrase",
           "unit_name"]

MONTH_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {"short": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt",
                     "Nov", "Dez"),
           "full": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                    "September", "Oktober", "November", "Dezember")},
    "en": {"short": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                     "Nov", "Dec"),
           "full": ("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December")},
}
"""The month names psp writes (short) and reads (short and full), in German and English."""

Case = Literal["nominative", "dative"]

_FORMS: dict[tuple[str, str], tuple[str, str, str]] = {
    # (lang, unit): (singular, plural, dative plural)
    ("de", "month"): ("Monat", "Monate", "Monaten"),
    ("de", "week"): ("Woche", "Wochen", "Wochen"),
    ("de", "day"): ("Tag", "Tage", "Tagen"),
    ("de", "workday"): ("Arbeitstag", "Arbeitstage", "Arbeitstagen"),
    ("en", "month"): ("month", "months", "months"),
    ("en", "week"): ("week", "weeks", "weeks"),
    ("en", "day"): ("day", "days", "days"),
    ("en", "workday"): ("working day", "working days", "working days"),
}


def periods(count: int, unit: str, lang: str, *, case: Case = "nominative",
            sign: bool = False) -> str:
    """``count`` periods of ``unit`` with the right word: singular only for ±1.

    Examples
    --------
    >>> periods(1, "month", "de", sign=True), periods(4, "month", "de", case="dative")
    ('+1 Monat', '4 Monaten')
    >>> periods(0, "week", "en", sign=True), periods(-1, "day", "en")
    ('+0 weeks', '-1 day')
    """
    one, many, dative = _FORMS[(lang, str(unit))]
    word = one if abs(count) == 1 else dative if case == "dative" else many
    number = f"{count:+d}" if sign else str(count)
    return f"{number} {word}"


PHRASES: dict[str, dict[str, str]] = {
    # calendar entries (iCalendar export)
    "ics.milestone": {"de": "Meilenstein {id}: {name}", "en": "Milestone {id}: {name}"},
    "ics.deadline": {"de": "Spätestes Ende {id}: {name}", "en": "Deadline {id}: {name}"},
    "ics.end": {"de": "Vertragsende: {name}", "en": "Contractual end: {name}"},
    "ics.task": {"de": "{id}: {name}", "en": "{id}: {name}"},
    "ics.facts": {"de": "{project} · geplant {date} · Gesamtpuffer {float}",
                  "en": "{project} · planned {date} · total float {float}"},
    "ics.event": {"de": "{name}", "en": "{name}"},
    # events: their kinds, and where they lie against the schedule
    "event.kind.event": {"de": "Veranstaltung", "en": "event"},
    "event.kind.meeting": {"de": "Sitzung", "en": "meeting"},
    "event.kind.workshop": {"de": "Workshop", "en": "workshop"},
    "event.kind.presentation": {"de": "Präsentation", "en": "presentation"},
    "event.kind.publication": {"de": "Veröffentlichung", "en": "publication"},
    "event.kind.deadline": {"de": "Frist", "en": "deadline"},
    "event.participants": {"de": "{count} Teilnehmende", "en": "{count} participants"},
    "event.outside.project": {"de": "Termin {event} am {date} liegt außerhalb des Projekts "
                                    "({first} bis {last})",
                              "en": "event {event} on {date} lies outside the project "
                                    "({first} to {last})"},
    "event.outside.task": {"de": "Termin {event} am {date} liegt außerhalb von Aufgabe {owner} "
                                 "({first} bis {last})",
                           "en": "event {event} on {date} lies outside task {owner} "
                                 "({first} to {last})"},
    "event.outside.package": {"de": "Termin {event} am {date} liegt außerhalb von "
                                    "Arbeitspaket {owner} ({first} bis {last})",
                              "en": "event {event} on {date} lies outside work package "
                                    "{owner} ({first} to {last})"},
    # why a task moved (replanning's causes)
    "cause.link.FS": {"de": "nach Ende von {task}", "en": "after {task} finishes"},
    "cause.link.SS": {"de": "nach Beginn von {task}", "en": "after {task} starts"},
    "cause.link.FF": {"de": "endet mit {task}", "en": "finishes with {task}"},
    "cause.link.SF": {"de": "endet mit Beginn von {task}", "en": "finishes when {task} starts"},
    "cause.not_before": {"de": "frühestens ab {date}", "en": "start no earlier than {date}"},
    "cause.status": {"de": "keine offene Arbeit vor dem Stichtag {date}",
                     "en": "no unfinished work before the status date {date}"},
    "cause.actual": {"de": "Ist-Termin", "en": "actual dates"},
    "cause.project_start": {"de": "Projektbeginn", "en": "project start"},
    "cause.duration": {"de": "Dauer {old} → {new}", "en": "duration {old} → {new}"},
    "cause.level_of_effort": {"de": "Daueraufgabe", "en": "level of effort"},
    # changes
    "change.delay.until": {"de": "{task} nicht vor {when}", "en": "{task} not before {when}"},
    "change.delay.by": {"de": "{task} um {span} später", "en": "{task} {span} later"},
    "change.extend": {"de": "Vertragsende {old} → {new}", "en": "contractual end {old} → {new}"},
    "change.duration": {"de": "{task} dauert {span}", "en": "{task} takes {span}"},
    "change.add_link": {"de": "neu: {link}", "en": "new: {link}"},
    "change.remove_link": {"de": "{link} entfällt", "en": "{link} removed"},
    "change.status": {"de": "Stichtag {date}", "en": "status date {date}"},
    "change.not_started": {"de": ", nicht begonnen: {tasks}", "en": ", not started: {tasks}"},
    # a replan in a terminal
    "replan.changes": {"de": "Änderungen: {changes}", "en": "changes: {changes}"},
    "replan.nothing_moves": {"de": "Keine Aufgabe verschiebt sich.", "en": "No task moves."},
    "replan.late": {"de": "Enden nach dem Vertragsende: {tasks}",
                    "en": "finish after the contractual end: {tasks}"},
    # whether the contractual end holds
    "verdict.no_end": {"de": "kein Vertragsende (berechnetes Ende {finish})",
                       "en": "no contractual end (computed finish {finish})"},
    "verdict.missed": {"de": "Vertragsende {end} um {span} überschritten (berechnetes Ende "
                             "{finish})",
                       "en": "contractual end {end} missed by {span} (computed finish {finish})"},
    "verdict.exact": {"de": "Vertragsende {end} genau eingehalten",
                      "en": "contractual end {end} met exactly"},
    "verdict.slack": {"de": "Vertragsende {end} mit {span} Puffer eingehalten (berechnetes "
                            "Ende {finish})",
                      "en": "contractual end {end} met with {span} of slack (computed finish "
                            "{finish})"},
    "deadline.missed": {"de": "Termin verfehlt: {task} endet {finish}, spätestens {due} "
                              "({late} zu spät)",
                        "en": "deadline missed: {task} finishes {finish}, due {due} ({late} late)"},
    # what sets a start when no link does, as the critical path table says it
    "bound.start": {"de": "Projektbeginn", "en": "project start"},
    "bound.not_before": {"de": "frühestens-Termin", "en": "not before"},
    "bound.status": {"de": "Stichtag", "en": "status date"},
    "bound.actual": {"de": "Ist-Termin", "en": "actual dates"},
    "critical.title": {"de": "Kritischer Pfad: {name}", "en": "Critical path: {name}"},
    # costs
    "costs.owner": {"de": "Verantwortlich", "en": "owner"},
    "costs.sum": {"de": "Summe", "en": "total"},
    "costs.total": {"de": "Gesamt", "en": "total"},
    "costs.load": {"de": "Stellenanteile je Monat", "en": "FTE per month"},
    "costs.funding": {"de": "Ertrag", "en": "Funding"},
    "costs.cost": {"de": "Personalaufwand", "en": "Personnel cost"},
    "costs.balance": {"de": "Saldo", "en": "Balance"},
    "costs.neutral": {"de": "kostenneutral", "en": "cost-neutral"},
    "costs.more": {"de": "nicht kostenneutral: Mehrkosten {amount}",
                   "en": "not cost-neutral: {amount}"},
    "costs.less": {"de": "nicht kostenneutral: Minderkosten {amount}",
                   "en": "not cost-neutral: {amount}"},
    "costs.per_year": {"de": "Kosten je Haushaltsjahr", "en": "Cost per budget year"},
    # charts and sheets
    "chart.deadline_missed": {"de": "Termin verfehlt", "en": "deadline missed"},
    "chart.fte": {"de": "VZÄ", "en": "FTE"},
    "cli.wrote": {"de": "{file} geschrieben", "en": "wrote {file}"},
    "cli.chart_rows": {"de": "{rows} Zeilen, {level}", "en": "{rows} rows, {level}"},
    "cli.level.task": {"de": "eine je Aufgabe", "en": "one per task"},
    "cli.level.package": {"de": "eine je Arbeitspaket", "en": "one per work package"},
    "chart.package_level": {
        "de": "{tasks} Aufgaben: eine Zeile je Arbeitspaket, kritische Aufgaben darin markiert "
              "(level=\"task\" zeichnet jede Aufgabe)",
        "en": "{tasks} tasks: one row per work package, its critical tasks marked inside "
              "(level=\"task\" draws every task)"},
    "sheet.plan": {"de": "Projektstrukturplan", "en": "Project plan"},
    "sheet.yes": {"de": "ja", "en": "yes"},
    # how plans and portfolios present themselves
    "plan.caption": {"de": "{name} — Beginn {start}, Vertragsende {end}, {tasks} Aufgaben in "
                           "{packages} Arbeitspaketen",
                     "en": "{name} — start {start}, contractual end {end}, {tasks} tasks in "
                           "{packages} work packages"},
    "portfolio.project": {"de": "{project}: Ende {finish}, Vertragsende {end}, Puffer {slack}; "
                                "kritisch: {path}",
                          "en": "{project}: finish {finish}, contractual end {end}, slack "
                                "{slack}; critical: {path}"},
    # what moved
    "moved.start": {"de": "{task} beginnt {when}", "en": "{task} starts {when}"},
    "moved.finish": {"de": "{task} endet {when}", "en": "{task} finishes {when}"},
    "moved.run": {"de": "{task} läuft bis zum Projektende {when}",
                  "en": "{task} runs to the project finish {when}"},
}


HEADINGS: dict[str, dict[str, tuple[str, ...]]] = {
    # table headings, by table
    "replan": {"de": ("Nr.", "bisher", "neu", "Beginn", "Ende", "Grund"),
               "en": ("id", "before", "after", "start", "finish", "reason")},
    "schedule": {"de": ("Nr.", "Aufgabe", "Verantw.", "Beginn", "Ende", "Dauer", "GP", "FP",
                        "krit."),
                 "en": ("id", "task", "owner", "start", "finish", "dur.", "TF", "FF", "crit.")},
    "summary": {"de": ("Beginn", "berechnetes Ende", "Vertragsende", "Puffer",
                       "Kritischer Pfad", "Kritische Pfade"),
                "en": ("start", "computed finish", "contractual end", "slack", "critical path",
                       "critical paths")},
    "critical": {"de": ("Nr.", "Aufgabe", "Beginn", "Ende", "Dauer", "nach", "Gesamtpuffer"),
                 "en": ("id", "task", "start", "finish", "duration", "after", "total float")},
    "plan": {"de": ("Nr.", "Aufgabe", "AP", "Verantwortlich", "Dauer", "nach"),
             "en": ("id", "task", "package", "owner", "duration", "after")},
    "portfolio": {"de": ("Projekt", "Name", "Ende", "Vertragsende", "Puffer", "Kritischer Pfad"),
                  "en": ("project", "name", "finish", "contractual end", "slack",
                         "critical path")},
    "costs": {"de": ("Projekt", "Stelle", "Stellenanteil"), "en": ("project", "position", "FTE")},
    "cost_comparison": {"de": ("Haushaltsjahr", "bisher", "neu", "Differenz"),
                        "en": ("budget year", "before", "after", "difference")},
    "events": {"de": ("Nr.", "Datum", "Termin", "Art", "zu", "Anmerkung"),
               "en": ("id", "date", "event", "kind", "of", "note")},
    "grid": {"de": ("Nr.", "Aufgabe", "Verantwortlich", "krit."),
             "en": ("id", "task", "owner", "crit.")},
}


GRID_COLUMNS: dict[str, tuple[str, ...]] = {
    # what a month grid's header calls its columns, in German and English, lower case
    "id": ("nr.", "nr", "nummer", "lfd. nr.", "id", "#", "ap-nr.", "wbs", "psp-code"),
    "name": ("aufgabe", "aufgaben", "arbeitspaket", "arbeitspakete", "tätigkeit", "vorgang",
             "bezeichnung", "maßnahme", "task", "tasks", "name", "activity", "work package"),
    "owner": ("verantwortlich", "verantw.", "verantwortliche", "zuständig", "partner",
              "owner", "owners", "responsible", "lead"),
    "critical": ("krit.", "kritisch", "crit.", "critical"),
}
"""The headers a month grid's columns may have (`psp table` writes the first of HEADINGS)."""


def phrase(key: str, lang: str, **values: object) -> str:
    """The phrase ``key`` in ``lang``, filled with ``values``.

    Examples
    --------
    >>> phrase("cause.link.FS", "de", task="2.10"), phrase("moved.start", "en", task="3.1",
    ...                                                    when="Jun'21")
    ('nach Ende von 2.10', "3.1 starts Jun'21")
    """
    return PHRASES[key][lang].format(**values)


# Labels of a whole output, by output and language.
LABELS: dict[str, dict[str, dict[str, str]]] = {
    "risk": {
        "de": {"title": "Terminrisiko: {name}",
               "samples": "{samples} Stichproben, Startwert {seed}",
               "planned": "geplantes Ende", "end": "Vertragsende",
               "p_end": "P(Ende ≤ {date})",
               "percentiles": "Ende mit Wahrscheinlichkeit",
               "deadlines": "Fristen (spätestes Ende)",
               "tasks": "Aufgaben, die das Ende bestimmen", "risks": "Risiken",
               "id": "Nr.", "task": "Aufgabe", "criticality": "Kritikalität",
               "sensitivity": "Sensitivität", "risk": "Risiko", "probability": "Wahrscheinlichkeit",
               "occurred": "eingetreten", "impact": "Wirkung aufs Ende", "deadline": "Frist",
               "p": "eingehalten", "none": "—", "more": "… und {count} weitere",
               "cumulative": "Wahrscheinlichkeit, bis dahin fertig", "finish": "Ende",
               "share": "Anteil der Stichproben", "tornado": "Rangkorrelation mit dem Ende",
               "planned_line": "geplant", "percentile_line": "P{q}"},
        "en": {"title": "Schedule risk: {name}", "samples": "{samples} samples, seed {seed}",
               "planned": "planned finish", "end": "contractual end",
               "p_end": "P(finish ≤ {date})", "percentiles": "finish with probability",
               "deadlines": "deadlines (finish no later than)",
               "tasks": "tasks that decide the finish", "risks": "risks",
               "id": "id", "task": "task", "criticality": "criticality",
               "sensitivity": "sensitivity", "risk": "risk", "probability": "probability",
               "occurred": "occurred", "impact": "impact on the finish", "deadline": "deadline",
               "p": "met", "none": "—", "more": "… and {count} more",
               "cumulative": "probability of finishing by then", "finish": "finish",
               "share": "share of samples", "tornado": "rank correlation with the finish",
               "planned_line": "planned", "percentile_line": "P{q}"},
    },
    "gantt": {
        "de": {"critical": "kritisch", "normal": "nicht kritisch", "loe": "Daueraufgabe",
               "float": "Gesamtpuffer", "baseline": "bisheriger Plan", "milestone": "Meilenstein",
               "end": "Vertragsende", "old_end": "bisheriges Vertragsende", "status": "Stichtag",
               "finish": "berechnetes Ende", "slack": "Puffer", "projects": "Projekte",
               "last": "letztes Projektende", "event": "Termin", "events": "Termine",
               "link": "Abhängigkeit", "critical_link": "kritische Abhängigkeit",
               "package": "Arbeitspaket", "done": "erledigt (bis zum Stichtag)",
               "project_end": "Vertragsende je Projekt"},
        "en": {"critical": "critical", "normal": "not critical", "loe": "level of effort",
               "float": "total float", "baseline": "baseline", "milestone": "milestone",
               "end": "contractual end", "old_end": "former contractual end",
               "status": "status date", "finish": "computed finish", "slack": "slack",
               "projects": "projects", "last": "last project ends", "event": "event",
               "events": "events", "link": "link", "critical_link": "critical link",
               "package": "work package", "done": "done (to the status date)",
               "project_end": "contractual end of each project"},
    },
    "report": {
        "de": {
            "title": "Sachstandsbericht: {name}", "status": "Stand {date}",
            "since": "seit dem letzten Bericht vom {date}", "term": "Laufzeit {start} bis {end}",
            "counts": "{done} erledigt · {running} laufend · {not_started} nicht begonnen",
            "late_count": "{count} später als im Basisplan",
            "packages": "Arbeitspakete", "tasks": "Aufgaben",
            "late": "Verspätet gegenüber dem Basisplan",
            "held": "Termine seit dem letzten Bericht", "held_all": "Termine bis zum Stichtag",
            "next_events": "Nächste Termine", "reached": "Erreichte Meilensteine",
            "next_milestones": "Nächste Meilensteine", "deadlines": "Fristen",
            "chart": "Balkenplan", "none": "keine",
            "done": "erledigt", "running": "läuft", "not_started": "nicht begonnen",
            "missed": "verfehlt um {span}", "endangered": "gefährdet (ohne Puffer)",
            "head.packages": "AP|Arbeitspaket|Stand|Beginn|Ende|erledigt|laufend|offen|"
                             "verspätet",
            "head.tasks": "Nr.|Aufgabe|Verantwortlich|Stand|Beginn|Ende",
            "head.baseline": "Ende bisher|Verzug",
            "head.late": "Nr.|Aufgabe|Ende bisher|Ende neu|Verzug|Grund",
            "head.reached": "Nr.|Meilenstein|Datum",
            "head.next_milestones": "Nr.|Meilenstein|Datum|Gesamtpuffer",
            "head.deadlines": "Nr.|Aufgabe|spätestens|berechnetes Ende|Stand",
        },
        "en": {
            "title": "Status report: {name}", "status": "as of {date}",
            "since": "since the last report of {date}", "term": "term {start} to {end}",
            "counts": "{done} done · {running} running · {not_started} not started",
            "late_count": "{count} later than in the baseline",
            "packages": "Work packages", "tasks": "Tasks",
            "late": "Late against the baseline",
            "held": "Events since the last report", "held_all": "Events up to the status date",
            "next_events": "Next events", "reached": "Milestones reached",
            "next_milestones": "Next milestones", "deadlines": "Deadlines",
            "chart": "Gantt chart", "none": "none",
            "done": "done", "running": "running", "not_started": "not started",
            "missed": "missed by {span}", "endangered": "endangered (no slack)",
            "head.packages": "package|name|state|start|finish|done|running|open|late",
            "head.tasks": "id|task|owner|state|start|finish",
            "head.baseline": "finish before|late by",
            "head.late": "id|task|finish before|finish now|late by|reason",
            "head.reached": "id|milestone|date",
            "head.next_milestones": "id|milestone|date|total float",
            "head.deadlines": "id|task|due|computed finish|state",
        },
    },
    "trend": {
        "de": {"title": "Meilensteintrendanalyse: {name}", "id": "Nr.", "name": "Meilenstein",
               "verdict": "Trend", "stable": "stabil", "slipping": "verschoben um {span}",
               "pulled_in": "vorgezogen um {span}", "report": "Berichtstermin",
               "forecast": "Prognose", "overview": "Meilensteinübersicht: {name}",
               "other": "ohne Arbeitspaket", "milestone": "Meilenstein", "event": "Termin"},
        "en": {"title": "Milestone trend analysis: {name}", "id": "id", "name": "milestone",
               "verdict": "trend", "stable": "stable", "slipping": "slipping by {span}",
               "pulled_in": "pulled in by {span}", "report": "report date",
               "forecast": "forecast", "overview": "Milestone overview: {name}",
               "other": "no work package", "milestone": "milestone", "event": "event"},
    },
    "amendment": {
        "de": {
            "title": "Aktualisierter Projektstrukturplan",
            "end": "Vertragsende: bisher {old}, neu {new}",
            "costs": "Kosten",
            "neutral": "Kostenneutrale Verlängerung: die Gesamtkosten bleiben {total}.",
            "same": "Die Dauern aller Aufgaben sind unverändert.",
            "changes": "Änderungen",
            "head": "Nr.|Aufgabe|Verantwortlich|bisher|neu|Verschiebung ({unit})|Grund",
            "none": "—",
        },
        "en": {
            "title": "Updated project structure plan",
            "end": "Contractual end: before {old}, now {new}",
            "costs": "Costs",
            "neutral": "Cost-neutral extension: the total cost stays {total}.",
            "same": "The durations of all tasks are unchanged.",
            "changes": "Changes",
            "head": "id|task|owner|before|after|shift ({unit})|reason",
            "none": "—",
        },
    },
}


def unit_name(unit: str, lang: str) -> str:
    """The plural of a unit on its own, as a column heading says it: ``Monate``, ``weeks``.

    Examples
    --------
    >>> unit_name("month", "de"), unit_name("day", "en")
    ('Monate', 'days')
    """
    return _FORMS[(lang, str(unit))][1]
