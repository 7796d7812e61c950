"""Staffing and cost per budget year, derived from the schedule.

A position costs FTE × yearly cost × (its months in that year) / 12; its funding is
FTE × funding base × rate × months / 12 (or rate × cost without a base); a lump sum
is spread over its months. Each cell is rounded by the plan's rule, and every total is
the sum of rounded cells: that is how council papers add up (see the staffing paper in
the seeds, reproduced cell by cell in ``tests/test_costs.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from psp._support.compat import lang_keyword
from psp._support.money import format_money
from psp._support.render import Table, csv_text
from psp._support.words import HEADINGS, phrase
from psp.calendars import Lang, Month, Unit
from psp.engine._cpm import schedule
from psp.engine._portfolio import PortfolioSchedule, schedule_portfolio
from psp.errors import ChangeError, UnknownIdError
from psp.model import CostRules, Portfolio, Position, Project

__all__ = ["CostCell", "CostComparison", "CostReport", "PositionCost", "compare_costs",
           "costs"]

ZERO = Decimal(0)


@attrs.frozen
class CostCell:
    """One budget cell: months, FTE-months, personnel cost, funding and own share.

    Examples
    --------
    >>> cell = CostCell(12, Decimal("6"), Decimal("39200"), Decimal("28200"))
    >>> cell.own_share, cell.as_dict()["fte_months"]
    (Decimal('11000'), 6)
    """

    months: int = 0
    fte_months: Decimal = ZERO
    cost: Decimal = ZERO
    funding: Decimal = ZERO

    @property
    def own_share(self) -> Decimal:
        """Cost not covered by funding (the seed's *Saldo* with the opposite sign)."""
        return self.cost - self.funding

    def __add__(self, other: CostCell) -> CostCell:
        return CostCell(self.months + other.months, self.fte_months + other.fte_months,
                        self.cost + other.cost, self.funding + other.funding)

    def as_dict(self) -> dict[str, int | float]:
        """The cell in the JSON form: money in euros as numbers."""
        def number(value: Decimal) -> int | float:
            return int(value) if value == value.to_integral_value() else float(value)

        return {"months": self.months, "fte_months": number(self.fte_months),
                "cost": number(self.cost), "funding": number(self.funding),
                "own_share": number(self.own_share)}


def _total(cells: Iterable[CostCell]) -> CostCell:
    out = CostCell()
    for cell in cells:
        out = out + cell
    return out


@attrs.frozen
class PositionCost:
    """One position's months and its cells per budget year.

    Examples
    --------
    >>> import psp
    >>> row = psp.costs(psp.load_portfolio("examples/digitale_modellregion.toml")).rows[0]
    >>> row.project, str(row.first), str(row.last), [(y, c.cost) for y, c in row.years]
    ('kita', '2020-01', '2021-06', [(2020, Decimal('39200')), (2021, Decimal('19600'))])
    """

    project: str
    position: Position
    first: Month
    last: Month
    years: tuple[tuple[int, CostCell], ...]

    @property
    def total(self) -> CostCell:
        """The position's cells summed."""
        return _total(cell for _, cell in self.years)


# When a position runs: (first day, last day) of a task, and of its project.
Dates = tuple[Callable[[str], tuple[dt.date, dt.date]], tuple[dt.date, dt.date]]


def _own_dates(project: Project) -> Dates:
    s = schedule(project)
    span = (project.start, project.calendar.last_day(s.horizon_period - 1))
    return (lambda task_id: (s[task_id].start, s[task_id].finish)), span


def _months(project: Project, position: Position, dates: Dates | None) -> tuple[Month, Month]:
    if project.unit is not Unit.MONTH:
        raise ChangeError(f"{project.name}: costs are pro-rated by months, so they need a plan "
                          "measured in months")
    if position.start is not None and position.end is not None:
        return Month.from_date(position.start), Month.from_date(position.end)
    assert dates is not None  # costs() provides them whenever a position needs them
    task_dates, project_span = dates
    if position.task is not None:
        first_day, last_day = task_dates(position.task)
    else:
        first_day, last_day = project_span
    first, last = Month.from_date(first_day), Month.from_date(last_day)
    if position.start is not None:
        first = Month.from_date(position.start)
    if position.end is not None:
        last = Month.from_date(position.end)
    return first, last


def _position_cost(project: Project, key: str, position: Position,
                   rules: CostRules, dates: Dates | None = None) -> PositionCost:
    first, last = _months(project, position, dates)
    span = last - first
    assert isinstance(span, int)
    count = span + 1
    per_year: dict[int, int] = {}
    for n in range(count):
        month = first + n
        per_year[month.year] = per_year.get(month.year, 0) + 1
    rnd = rules.rounder
    yearly = (None if position.total is not None else
              position.yearly_cost if position.yearly_cost is not None else
              rules.yearly_cost(position.pay_grade or ""))
    cells = []
    done = 0
    for year, months in sorted(per_year.items()):
        share = Decimal(months) / 12
        if position.total is not None:
            # Cumulative rounding keeps the cells adding up to the lump sum exactly.
            before = rnd(position.total * done / count)
            done += months
            cost = rnd(position.total * done / count) - before
            raw_cost = position.total * months / count
        else:
            assert yearly is not None
            raw_cost = position.fte * yearly * share
            cost = rnd(raw_cost)
        if position.funding_base is not None:
            funding = rnd(position.fte * position.funding_base * position.funding_rate * share)
        elif position.total is not None:  # cumulative too: the funded share stays exact
            funded = position.total * position.funding_rate
            funding = rnd(funded * done / count) - rnd(funded * (done - months) / count)
        else:
            funding = rnd(raw_cost * position.funding_rate)
        staff = ZERO if position.total is not None else position.fte * months  # a sum is no post
        cells.append((year, CostCell(months, staff, cost, funding)))
    return PositionCost(key, position, first, last, tuple(cells))


@attrs.frozen(repr=False)
class CostReport:
    """Cost, funding and own share per position, project and budget year.

    Examples
    --------
    >>> import psp
    >>> report = psp.costs(psp.load_portfolio("examples/digitale_modellregion.toml"))
    >>> report.years()[2020].cost, report.total().cost, report.total().own_share
    (Decimal('472200'), Decimal('1081600'), Decimal('455800'))
    """

    rows: tuple[PositionCost, ...]
    rules: CostRules

    def years(self) -> dict[int, CostCell]:
        """Every budget year, summed over all positions."""
        out: dict[int, CostCell] = {}
        for row in self.rows:
            for year, cell in row.years:
                out[year] = out.get(year, CostCell()) + cell
        return dict(sorted(out.items()))

    def projects(self) -> dict[str, dict[int, CostCell]]:
        """Per project, per budget year."""
        out: dict[str, dict[int, CostCell]] = {}
        for row in self.rows:
            mine = out.setdefault(row.project, {})
            for year, cell in row.years:
                mine[year] = mine.get(year, CostCell()) + cell
        return {k: dict(sorted(v.items())) for k, v in out.items()}

    def total(self) -> CostCell:
        """Everything summed."""
        return _total(self.years().values())

    def load(self) -> dict[str, dict[Month, Decimal]]:
        """FTE per owner (the position's ``owner``, else its project) and month."""
        out: dict[str, dict[Month, Decimal]] = {}
        for row in self.rows:
            if row.position.total is not None:
                continue  # a lump sum is not staff
            who = row.position.owner or row.project
            span = row.last - row.first
            assert isinstance(span, int)
            mine = out.setdefault(who, {})
            for n in range(span + 1):
                month = row.first + n
                mine[month] = mine.get(month, ZERO) + row.position.fte
        return {k: dict(sorted(v.items())) for k, v in out.items()}

    @lang_keyword
    def load_table(self, *, lang: Lang = "de") -> Table:
        """FTE per owner (rows) and month (columns), with a total row.

        Examples
        --------
        >>> import psp
        >>> t = psp.costs(psp.load_portfolio("examples/digitale_modellregion.toml")).load_table()
        >>> t.header[:3], t.rows[-1][1]
        (('Verantwortlich', "Jan'20", "Feb'20"), '6,0')
        """
        load = self.load()
        months = sorted({m for per in load.values() for m in per})
        if months:
            span = months[-1] - months[0]
            assert isinstance(span, int)
            months = [months[0] + n for n in range(span + 1)]
        head = [phrase("costs.owner", lang), *(m.label(lang=lang) for m in months)]
        rows = [[owner, *(_fte_text(per[m], lang) if m in per else "" for m in months)]
                for owner, per in load.items()]
        totals = [_fte_text(sum((per.get(m, ZERO) for per in load.values()), ZERO), lang)
                  for m in months]
        rows.append([phrase("costs.sum", lang), *totals])
        return Table(head, rows, kinds=["task"] * len(load) + ["package"],
                     title=phrase("costs.load", lang),
                     align="<" + ">" * len(months))

    def to_dict(self) -> dict[str, Any]:
        """The fixed JSON form: ``projects`` → year → cell, ``years``, ``total``."""
        return {
            "projects": {p: {str(y): c.as_dict() for y, c in years.items()}
                         for p, years in self.projects().items()},
            "years": {str(y): c.as_dict() for y, c in self.years().items()},
            "total": self.total().as_dict(),
        }

    @lang_keyword
    def table(self, what: str = "cost", *, lang: Lang = "de") -> Table:
        """One of the seed's tables: ``funding`` (*Ertrag*), ``cost`` (*Personalaufwand*)
        or ``balance`` (*Saldo*: funding − cost), a row per position, a column per year."""
        years = list(self.years())
        head = list(HEADINGS["costs"][lang])
        total_word = phrase("costs.total", lang)

        def value(cell: CostCell) -> Decimal:
            return {"funding": cell.funding, "cost": cell.cost,
                    "balance": cell.funding - cell.cost}[what]

        rows = []
        for row in self.rows:
            cells = dict(row.years)
            rows.append([row.project, row.position.name or row.position.id,
                         "" if row.position.total is not None else  # a lump sum: no post
                         _fte_text(row.position.fte, lang),
                         *(format_money(value(cells[y]), lang=lang) if y in cells else ""
                           for y in years),
                         format_money(value(row.total), lang=lang)])
        sums = self.years()
        rows.append([total_word, "", "", *(format_money(value(sums[y]), lang=lang) for y in years),
                     format_money(value(self.total()), lang=lang)])
        return Table([*head, *(str(y) for y in years), total_word], rows,
                     kinds=["task"] * (len(rows) - 1) + ["package"],
                     title=phrase(f"costs.{what}", lang),
                     align="<<>" + ">" * (len(years) + 1))

    @lang_keyword
    def to_text(self, *, lang: Lang = "de") -> str:
        """The three tables, as the staffing paper shows them."""
        return "\n\n".join(self.table(what, lang=lang).to_text(width=None)
                           for what in ("funding", "cost", "balance"))

    def to_csv(self, *, excel: bool = False) -> str:
        """A row per position and year: the JSON cells, flat (``excel``: see `csv_text`)."""
        rows = [[row.project, row.position.id, year, (d := cell.as_dict())["months"],
                 d["fte_months"], d["cost"], d["funding"], d["own_share"]]
                for row in self.rows for year, cell in row.years]
        return csv_text(["project", "position", "year", "months", "fte_months", "cost",
                         "funding", "own_share"], rows, excel=excel)

    def __repr__(self) -> str:
        years = sorted(self.years())
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        return (f"<CostReport: {len(self.rows)} positions, {span}, "
                f"cost {format_money(self.total().cost)}>")

    def _repr_html_(self) -> str:
        return "".join(self.table(what).to_html() for what in ("funding", "cost", "balance"))

    def __str__(self) -> str:
        return self.to_text()


def _fte_text(fte: Decimal, lang: Lang) -> str:
    text = f"{fte:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def _joint_dates(joint: PortfolioSchedule, key: str, project: Project) -> Dates:
    summary = joint.project(key)
    last = max(summary.finish, project.end or summary.finish)

    def task_dates(task_id: str) -> tuple[dt.date, dt.date]:
        ts = joint[f"{key}:{task_id}"]
        return ts.start, ts.finish

    return task_dates, (project.start, last)


def _effective(base: CostRules, own: CostRules) -> CostRules:
    """A project's rules: all pay grades, and its own rounding if it states one."""
    merged = base.merged(own)
    default = CostRules()
    if (own.round_to, own.rounding) != (default.round_to, default.rounding):
        merged = attrs.evolve(merged, round_to=own.round_to, rounding=own.rounding)
    return merged


def costs(plan: Project | Portfolio, *, rules: CostRules | None = None) -> CostReport:
    """Cost, funding and own share of every position, per project and budget year.

    Positions run from their own dates, or during their task (as scheduled), or from
    the project start to its end (the later of the contractual end and the computed
    finish), so a replan moves money between years.

    Parameters
    ----------
    plan : Project or Portfolio
        What to cost; a portfolio costs every project on its shared time axis.
    rules : CostRules, optional
        Pay grades and rounding to use instead of the plan's own.

    Returns
    -------
    CostReport
        Per position, project and budget year: cost, funding, own share.

    Raises
    ------
    UnknownIdError
        For a pay grade no rules define.
    ChangeError
        For a plan not measured in months.

    Examples
    --------
    >>> import psp
    >>> report = costs(psp.load("examples/digitale_werkstatt.toml"))
    >>> {y: c.cost for y, c in report.years().items()}
    {2020: Decimal('66933.33'), 2021: Decimal('133866.67')}
    """
    portfolio = plan if isinstance(plan, Portfolio) else Portfolio(plan.name, [plan])
    base = portfolio.rules
    if rules is not None:
        base = base.merged(rules)
    joint = (schedule_portfolio(plan) if isinstance(plan, Portfolio) and plan.links
             else None)  # linked projects: task dates come from the joint schedule
    rows = []
    names = _report_names(portfolio)
    for key, name, project in zip(portfolio.keys, names, portfolio.projects, strict=True):
        mine = _effective(base, project.rules)
        # One schedule per project, and only when some position runs on derived dates.
        needed = any(p.start is None or p.end is None for p in project.positions)
        dates = (None if not needed else _joint_dates(joint, key, project) if joint
                 else _own_dates(project))
        for position in project.positions:
            try:
                rows.append(_position_cost(project, name, position, mine, dates))
            except UnknownIdError as err:
                raise UnknownIdError("pay grade", f"{position.pay_grade} (position "
                                     f"{position.id} of {key})",
                                     (g for g, _ in mine.pay_grades)) from err
    return CostReport(tuple(rows), base)


def _report_names(portfolio: Portfolio) -> tuple[str, ...]:
    """How a report names projects: their keys; a lone project by its id, else its name."""
    if len(portfolio.projects) == 1:
        project = portfolio.projects[0]
        return (project.id or project.name or portfolio.keys[0],)
    return portfolio.keys


@attrs.frozen(repr=False)
class CostComparison:
    """Cost per budget year before and after a replan, and whether it is cost-neutral.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> c = compare_costs(plan, psp.apply(plan, psp.Extend(to="31.12.2021")))
    >>> c.verdict(lang="en"), str(c.table(lang="en").rows[-1])
    ('cost-neutral', "('total', '€200,800', '€200,800', '€0')")
    """

    before: CostReport
    after: CostReport

    @property
    def neutral(self) -> bool:
        """The same total cost and funding (years may differ)."""
        a, b = self.before.total(), self.after.total()
        return (a.cost, a.funding) == (b.cost, b.funding)

    @lang_keyword
    def verdict(self, *, lang: Lang = "de") -> str:
        """``kostenneutral`` or the difference in total cost."""
        diff = self.after.total().cost - self.before.total().cost
        if self.neutral:
            return phrase("costs.neutral", lang)
        sign = "+" if diff > 0 else ""
        key = "costs.more" if diff > 0 else "costs.less"
        return phrase(key, lang, amount=f"{sign}{format_money(diff, lang=lang)}")

    def __repr__(self) -> str:
        before, after = self.before.total().cost, self.after.total().cost
        return (f"<CostComparison: {self.verdict(lang='en')}, cost {format_money(before)} → "
                f"{format_money(after)}>")

    def _repr_html_(self) -> str:
        return self.table().to_html()

    @lang_keyword
    def table(self, *, lang: Lang = "de") -> Table:
        """Cost per year before, after and the difference."""
        years = sorted(set(self.before.years()) | set(self.after.years()))
        head = list(HEADINGS["cost_comparison"][lang])
        rows = []
        for year in [*years, None]:
            a = self.before.years().get(year, CostCell()) if year else self.before.total()
            b = self.after.years().get(year, CostCell()) if year else self.after.total()
            label = str(year) if year else phrase("costs.total", lang)
            rows.append([label, format_money(a.cost, lang=lang), format_money(b.cost, lang=lang),
                         format_money(b.cost - a.cost, lang=lang)])
        return Table(head, rows, kinds=["task"] * len(years) + ["package"], align="<>>>",
                     title=self.verdict(lang=lang))


def compare_costs(before: Project | Portfolio, after: Project | Portfolio, *,
                  rules: CostRules | None = None) -> CostComparison:
    """Costs of two versions of a plan side by side (e.g. a replan's baseline and result).

    Parameters
    ----------
    before, after : Project or Portfolio
        The two versions, e.g. a replan's baseline and its new plan.
    rules : CostRules, optional
        Pay grades and rounding to use instead of the plans' own.

    Returns
    -------
    CostComparison
        Cost per budget year before and after, and whether it is cost-neutral.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> new = psp.apply(plan, psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021"))
    >>> c = compare_costs(plan, new)
    >>> c.neutral, {y: cell.cost for y, cell in c.after.years().items()}
    (True, {2020: Decimal('50200.00'), 2021: Decimal('150600.00')})
    """
    return CostComparison(costs(before, rules=rules), costs(after, rules=rules))
