"""The amendment table (*Aktualisierter Projektstrukturplan*) for an extension request."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from psp._support.money import format_money
from psp._support.words import LABELS, phrase, unit_name
from psp.analysis._costs import CostComparison, compare_costs
from psp.calendars import Lang, Month, Unit, format_date
from psp.model import Project
from psp.replanning._replan import Replan

if TYPE_CHECKING:
    from psp.risk import RiskComparison

__all__ = ["amendment_table"]



def _when(plan: Project, start: dt.date, finish: dt.date, lang: Lang) -> str:
    """Printed dates as the plan shows them: ``Mär'21–Jun'21``, or dates below months."""
    if plan.unit is Unit.MONTH:
        first = Month.from_date(start).label(lang=lang)
        last = Month.from_date(finish).label(lang=lang)
    else:
        first, last = format_date(start, lang=lang), format_date(finish, lang=lang)
    return first if first == last else f"{first}–{last}"


def _shift(start: int, finish: int) -> str:
    return f"{start:+d}" if start == finish else f"{start:+d} / {finish:+d}"


def _rows(replan: Replan, lang: Lang) -> tuple[list[str], list[tuple[str, list[str]]]]:
    words = LABELS["amendment"][lang]
    unit = unit_name(replan.plan.unit.value, lang)
    head = [h.format(unit=unit) for h in words["head"].split("|")]
    rows: list[tuple[str, list[str]]] = []
    before, after = replan.before, replan.after
    for kind, ident in replan.plan.outline():
        if kind == "package":
            package = replan.plan.package(ident)
            old, new = before.package(package.id), after.package(package.id)
            if old.start is not None and new.start is not None:
                assert old.finish is not None and new.finish is not None
                assert old.start_period is not None and new.start_period is not None
                assert old.finish_period is not None and new.finish_period is not None
                rows.append(("package", [
                    package.id, package.name, "",
                    _when(replan.baseline, old.start, old.finish, lang),
                    _when(replan.plan, new.start, new.finish, lang),
                    _shift(new.start_period - old.start_period,
                           new.finish_period - old.finish_period),
                    "",
                ]))
            continue
        if ident not in before:
            continue
        s = replan.shift(ident, lang=lang)
        task = replan.plan.task(ident)
        moved = s.start_shift or s.finish_shift
        rows.append(("moved" if moved else "task", [
            ident, task.name, task.owner_label,
            _when(replan.baseline, before[ident].start, before[ident].finish, lang),
            _when(replan.plan, after[ident].start, after[ident].finish, lang),
            _shift(s.start_shift, s.finish_shift),
            s.explanation,
        ]))
    return head, rows


def _preamble(replan: Replan, lang: Lang, costs: CostComparison | None) -> list[str]:
    words = LABELS["amendment"][lang]
    none = str(words["none"])
    old = none if replan.baseline.end is None else format_date(replan.baseline.end, lang=lang)
    new = none if replan.plan.end is None else format_date(replan.plan.end, lang=lang)
    lines = [str(words["end"]).format(old=old, new=new), replan.verdict(lang=lang)]
    # "Cost-neutral" is a statement about money: only the cost comparison may make it.
    # Without costs, say what is known — the durations — and no more.
    extended = (replan.plan.end is not None and replan.baseline.end is not None
                and replan.plan.end > replan.baseline.end)
    if costs is not None and costs.neutral and extended:
        total = format_money(costs.after.total().cost, lang=lang)
        lines.append(str(words["neutral"]).format(total=total))
    elif costs is not None:
        lines.append(f"{words['costs']}: {costs.verdict(lang=lang)}")
    if replan.durations_unchanged:
        lines.append(str(words["same"]))
    lines.append(f"{words['changes']}: " + "; ".join(replan.describe_changes(lang=lang)))
    return lines


def _md(text: str) -> str:  # raw HTML in a name shows as text, never as markup
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def amendment_table(replan: Replan, *, format: str = "markdown", lang: Lang = "de",
                    costs: CostComparison | None = None,
                    risk: RiskComparison | None = None) -> str:
    """The *Aktualisierter Projektstrukturplan*: per package and task, before and after.

    Old and new start–finish, the shift, owners and the reason each task moved, with
    the old and new contractual end above; for an extension that changes no duration
    it says so (cost-neutral). German labels by default, ``lang="en"`` for English;
    ``format="markdown"`` or ``"html"``. When the plan has positions (or ``costs`` is
    given, from `psp.compare_costs`) it adds the cost per budget year before and after
    and the verdict: cost-neutral, or the difference.

    Parameters
    ----------
    replan : Replan
        The baseline and the new plan.
    format : {"markdown", "html"}
        The table's form.
    lang : {"de", "en"}
        The language of headings and dates.
    costs : CostComparison, optional
        Adds cost per budget year before and after, and the cost verdict.
    risk : RiskComparison, optional
        Adds the odds of meeting the old and the new end (from `psp.risk.compare_risk`).

    Returns
    -------
    str
        The table with its preamble (old and new end, the verdict).

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> r = psp.replan(plan, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])
    >>> text = amendment_table(r)
    >>> print(text.splitlines()[2])
    Vertragsende: bisher 31.08.2021, neu 31.12.2021
    >>> row = next(line for line in text.splitlines() if line.startswith("| 3.1 "))
    >>> row.split(" | ")[2:]
    ['3win', "Mär'21–Jun'21", "Jun'21–Sep'21", '+3', 'frühestens ab 06/2021 |']
    """
    if format not in ("markdown", "html"):
        raise ValueError(f"format must be 'markdown' or 'html', not {format!r}")
    if costs is None and replan.baseline.positions:  # money in the plan: say what it does
        costs = compare_costs(replan.baseline, replan.plan)
    title = f"{LABELS['amendment'][lang]['title']}: {replan.plan.name}"
    head, rows = _rows(replan, lang)
    lines = _preamble(replan, lang, costs)
    if risk is not None:
        lines.append(risk.headline(lang=lang))
    if format == "markdown":
        out = [f"## {_md(title)}", ""]
        out += [f"{_md(line)}  " for line in lines]
        out += ["", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for kind, cells in rows:
            shown = [_md(c) for c in cells]
            if kind == "package":
                shown = [f"**{c}**" if c else c for c in shown]
            out.append("| " + " | ".join(shown) + " |")
        if costs is not None:
            heading = phrase("costs.per_year", lang)
            out += ["", f"### {heading}: {costs.verdict(lang=lang)}", "",
                    costs.table(lang=lang).to_markdown().split("\n\n", 1)[-1]]
        return "\n".join(out) + "\n"
    esc = html.escape
    body = []
    for kind, cells in rows:
        tds = "".join(f"<td>{esc(c)}</td>" for c in cells)
        body.append(f'<tr class="{kind}">{tds}</tr>')
    style = ("table.psp-amendment{border-collapse:collapse}"
             ".psp-amendment td,.psp-amendment th{border:1px solid #999;padding:2px 6px}"
             ".psp-amendment tr.package td{font-weight:bold;background:#eee}"
             ".psp-amendment tr.moved td{background:#fff3cd}")
    return (f"<style>{style}</style><h2>{esc(title)}</h2>"
            + "".join(f"<p>{esc(line)}</p>" for line in lines)
            + '<table class="psp-amendment"><thead><tr>'
            + "".join(f"<th>{esc(h)}</th>" for h in head)
            + f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
            + ("" if costs is None else costs.table(lang=lang).to_html()))
