"""The Gantt chart, checked through the artists it returns (not just that a file exists)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.dates as mdates
import pytest
from matplotlib.figure import Figure

import psp

PLAN = psp.load("examples/digitale_werkstatt.toml")
S1 = psp.schedule(PLAN)
R3 = psp.replan(PLAN, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])


def day(x: float) -> dt.date:
    return mdates.num2date(x).date()


def test_bars_sit_exactly_on_the_schedule_dates() -> None:
    g = psp.gantt(S1)
    for ts in S1:
        if ts.finish_period == ts.start_period:
            continue
        bar = g.bars[ts.id]
        assert day(bar.get_x()) == ts.start, ts.id
        assert day(bar.get_x() + bar.get_width()) == ts.finish + dt.timedelta(days=1), ts.id
    assert (day(g.bars["3.1"].get_x()), day(g.bars["3.1"].get_x() + g.bars["3.1"].get_width())
            ) == (dt.date(2021, 3, 1), dt.date(2021, 7, 1))


def test_rows_are_grouped_by_package_top_down() -> None:
    g = psp.gantt(S1)
    assert g.rows[0] == "AP1" and g.rows[6] == "AP2" and g.rows.index("3.1") == 20
    assert len(g.rows) == 4 + 25
    for ident, bar in g.bars.items():
        y = bar.get_y() + bar.get_height() / 2
        assert abs(y - (g.rows.index(ident) - 0.075)) < 0.01, ident
    labels = [t.get_text() for t in g.ax.get_yticklabels()]
    assert labels[0].startswith("AP1 Grundlagenermittlung")
    assert labels[g.rows.index("1.3")].endswith("(3win+AGIT)")
    assert all(len(label) <= 48 for label in labels)
    assert g.ax.get_yticklabels()[0].get_fontweight() == "bold"


def test_critical_bars_differ_by_more_than_hue() -> None:
    g = psp.gantt(S1)
    critical, normal = g.bars["3.1"], g.bars["3.2"]
    assert critical.get_linewidth() > 2 * normal.get_linewidth()

    def grey(rgba: tuple[float, ...]) -> float:
        r, gr, b = rgba[:3]
        return 0.299 * r + 0.587 * gr + 0.114 * b

    assert grey(normal.get_facecolor()) - grey(critical.get_facecolor()) > 0.2  # in greyscale
    for ts in S1:
        if ts.id in g.bars and not ts.task.is_level_of_effort:
            assert (g.bars[ts.id].get_facecolor() == critical.get_facecolor()) == ts.critical


def test_float_tails_end_at_the_late_finish() -> None:
    g = psp.gantt(S1)
    assert set(g.float_tails) == {t.id for t in S1 if not t.critical and t.total_float > 0
                                  and not t.task.is_level_of_effort and t.id in g.bars}
    tail = g.float_tails["2.6"]  # TF 7: ends with the project, 31.08.2021
    assert day(tail.get_x() + tail.get_width()) == dt.date(2021, 9, 1)


def test_milestones_and_level_of_effort() -> None:
    g = psp.gantt(S1)
    (x,), (y,) = g.milestones["M1"].get_data()
    # On its printed date (the reference's 28.02.2021), so inside February on the axis.
    assert day(x) == dt.date(2021, 2, 28) and y == g.rows.index("M1")
    assert g.milestones["M1"].get_marker() == "D"
    assert g.bars["4.1"].get_hatch() == "////" and not g.bars["3.1"].get_hatch()


def test_a_replan_draws_baseline_ghosts_and_both_end_lines() -> None:
    g = psp.gantt(R3, lang="en")
    assert set(g.baseline_bars) == {t.id for t in R3.before}
    assert g.baseline_bars["M1"].get_marker() == "D"  # a milestone's ghost is a diamond
    ghost = g.baseline_bars["3.1"]
    assert day(ghost.get_x()) == dt.date(2021, 3, 1)  # where it was
    assert day(g.bars["3.1"].get_x()) == dt.date(2021, 6, 1)  # where it is
    assert ghost.get_linestyle() == "--" and ghost.get_hatch()
    assert day(g.end_lines["end"].get_xdata()[0]) == dt.date(2022, 1, 1)
    assert day(g.end_lines["old_end"].get_xdata()[0]) == dt.date(2021, 9, 1)
    texts = [t.get_text() for t in g.legend.get_texts()]
    assert "baseline" in texts and "contractual end 2021-12-31" in texts
    assert "former contractual end 2021-08-31" in texts


def tier(g: psp.export.Gantt, side: str, outer: bool = False) -> list[str]:
    """The date labels along one side of a chart: the inner tier, or the outer one."""
    axis = g.date_axes[side].xaxis if outer else g.ax.xaxis
    labels = [t.label1 if side == "bottom" else t.label2 for t in axis.get_minor_ticks()]
    return [label.get_text() for label in labels if label.get_visible()]


def test_month_axis_labels_in_two_tiers_at_top_and_bottom() -> None:
    names = {"de": ["Sep", "Okt", "Nov", "Dez", "Jan", "Feb", "Mär", "Apr", "Mai", "Jun",
                    "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
             "en": ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]}
    for lang in ("de", "en"):
        g = psp.gantt(R3, lang=lang)  # September 2020 to December 2021
        for side in ("bottom", "top"):
            assert tier(g, side) == names[lang], (lang, side)
            assert tier(g, side, outer=True) == ["2020", "2021"], (lang, side)
        # the outer tier's boundaries: the first day shown, 1 January 2021, the last
        ticks = [day(x) for x in g.date_axes["top"].get_xticks()]
        assert ticks == [dt.date(2020, 9, 1), dt.date(2021, 1, 1), dt.date(2022, 1, 1)]
        # each year's label sits in the middle of its months
        centres = [day(x) for x in g.date_axes["bottom"].get_xticks(minor=True)]
        assert centres == [dt.date(2020, 11, 1), dt.date(2021, 7, 2)]  # 61 + 61, 182.5 days
    separators = [line for line in psp.gantt(S1).ax.get_lines()
                  if line.get_linestyle() == "-" and len(line.get_xdata()) == 2]
    assert [day(line.get_xdata()[0]) for line in separators] == [dt.date(2021, 1, 1)]


def test_status_line_and_arrows() -> None:
    late = psp.apply(PLAN, psp.Progress("2021-03-29", not_started=["3.1"]))
    g = psp.gantt(psp.schedule(late), arrows=True)
    assert day(g.status_line.get_xdata()[0]) == dt.date(2021, 3, 29)
    assert len(g.arrows) == len(PLAN.links)


def test_draws_onto_a_given_axes_and_leaves_global_state_alone() -> None:
    before = dict(matplotlib.rcParams)
    figure = Figure()
    ax = figure.add_subplot()
    g = psp.gantt(S1, ax=ax, title="Mein Plan")
    assert g.ax is ax and g.figure is figure
    assert g.ax.get_title(loc="left").startswith("Mein Plan")
    assert dict(matplotlib.rcParams) == before
    import matplotlib.pyplot as plt  # imported here only to ask it: no figure was opened

    assert plt.get_fignums() == []


@pytest.mark.parametrize("tasks", [5, 200])
def test_readable_from_5_to_200_tasks(tasks: int) -> None:
    plan = psp.Project("Groß", psp.Month(2020, 1), tasks=[
        psp.Task(f"T{i}", "Ein sehr langer Name einer Aufgabe, der nicht in eine Zeile passt "
                 * 2, duration=1 + i % 5) for i in range(tasks)],
        links=[psp.Link(f"T{i}", f"T{i + 1}", "SS", lag=1) for i in range(tasks - 1)])
    g = psp.gantt(psp.schedule(plan))
    _width, height = g.figure.get_size_inches()
    assert height >= 0.25 * tasks  # grows with rows
    g.figure.set_dpi(40)  # the layout is in inches; fewer pixels draw it faster
    g.figure.canvas.draw()  # lay out, then check that labels do not overlap
    boxes = [t.get_window_extent() for t in g.ax.get_yticklabels()]
    for upper, lower in itertools.pairwise(boxes):
        assert upper.y0 >= lower.y1 - 0.5
    assert all(t.get_text().endswith("…") for t in g.ax.get_yticklabels())


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_saves_to_png_svg_and_pdf(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"chart.{suffix}"
    psp.gantt(R3).savefig(str(target))
    head = target.read_bytes()[:8]
    assert {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}[suffix] in head


def test_shows_itself_in_jupyter_as_png() -> None:
    assert psp.gantt(S1)._repr_png_()[:4] == b"\x89PNG"


def test_week_and_day_plans_get_their_own_axes() -> None:
    weeks = psp.Project("W", dt.date(2020, 8, 31), unit="week",
                        tasks=[psp.Task("a", duration=3), psp.Task("b", duration=2)],
                        links=[psp.Link("a", "b")])
    g = psp.gantt(psp.schedule(weeks))
    assert tier(g, "bottom") == tier(g, "top") == ["KW36", "KW37", "KW38", "KW39", "KW40"]
    assert tier(g, "bottom", outer=True) == ["", "Sep'20", ""]  # 31 Aug and 1–4 Oct: slivers
    days = psp.Project("D", dt.date(2020, 9, 15), unit="day", tasks=[psp.Task("a", duration=3)])
    g = psp.gantt(psp.schedule(days), lang="en")
    assert tier(g, "top") == ["15", "16", "17"] and tier(g, "top", outer=True) == [""]
    month = psp.Project("D", dt.date(2020, 9, 1), unit="day", tasks=[psp.Task("a", duration=45)])
    g = psp.gantt(psp.schedule(month), lang="en")
    assert tier(g, "top", outer=True) == ["Sep'20", "Oct'20"]
    assert tier(g, "bottom")[:3] == ["01", "", "03"]  # 45 days: every second labelled


def test_the_load_under_the_gantt_stacks_fte_per_owner_and_month() -> None:
    portfolio = psp.load_portfolio("examples/digitale_modellregion.toml")
    g = psp.gantt(psp.schedule_portfolio(portfolio), load=psp.costs(portfolio))
    assert g.load_ax is not None and g.load_ax is not g.ax
    assert sorted(g.load_bars) == ["B 17", "FB 01", "FB 02/100", "FB 11/500", "FB 37/320",
                                   "FB 45/200"]
    # Each month's stack reaches the sum of the FTE running then: 6.0 in 2020, 3.0 in 2022.
    tops: dict[dt.date, float] = {}
    for bars in g.load_bars.values():
        for bar in bars:
            month = day(bar.get_x())
            tops[month] = max(tops.get(month, 0.0), bar.get_y() + bar.get_height())
    assert tops[dt.date(2020, 6, 1)] == 6.0 and tops[dt.date(2022, 8, 1)] == 3.0
    assert dt.date(2022, 9, 1) not in tops
    title = g.ax.get_title(loc="left")
    assert "6 Projekte · letztes Projektende 31.08.2022" in title
    labels = [t.get_text() for t in g.legend.get_texts()]  # only kinds that are drawn
    assert "kritisch" in labels
    assert "nicht kritisch" not in labels and "Daueraufgabe" not in labels


def test_load_needs_its_own_axes_when_ax_is_given() -> None:
    portfolio = psp.load_portfolio("examples/digitale_modellregion.toml")
    ax = Figure().add_subplot()
    with pytest.raises(ValueError, match="load_ax"):
        psp.gantt(psp.schedule_portfolio(portfolio), ax=ax, load=psp.costs(portfolio))


def test_dollar_signs_are_drawn_as_written_not_as_mathtext(tmp_path: Path) -> None:
    """Issue 8: "Budget $5 bis $10" became "5*bis*10" in charts."""
    import matplotlib

    plan = psp.Project("Plan $1 und $2", psp.Month(2021, 1), end=dt.date(2021, 6, 30),
                       tasks=[psp.Task("a", "Budget $5 bis $10", owners={"$A$"}, duration=2)])
    g = psp.gantt(psp.schedule(plan))
    target = tmp_path / "chart.svg"
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text stays text in the SVG
        g.figure.savefig(target)
    svg = target.read_text(encoding="utf-8")
    assert "Budget $5 bis $10 ($A$)" in svg and "Plan $1 und $2" in svg


def test_show_hands_the_chart_to_pyplot_only_while_it_shows() -> None:
    import warnings

    import matplotlib.pyplot as plt

    chart = psp.gantt(S1)
    shown: list[object] = []
    with warnings.catch_warnings(), pytest.MonkeyPatch.context() as patch:
        warnings.simplefilter("ignore")  # Agg cannot open a window: it says so
        patch.setattr(plt, "show", lambda *a, **k: shown.append(plt.gcf().canvas.figure))
        chart.show()
    assert shown == [chart.figure]  # pyplot showed this very figure …
    assert plt.get_fignums() == []  # … and keeps nothing afterwards


def test_each_kind_of_mark_is_one_collection() -> None:
    """Issue 13: a patch per task made 1,000 tasks take 20 s; now a few artists in all."""
    g = psp.gantt(R3, arrows="all")
    assert len(g.ax.patches) == 0  # no artist per task
    assert len(g.ax.collections) <= 12
    kinds = {id(mark.collection) for mark in g.bars.values() if mark.get_hatch() is None}
    assert kinds == {id(g.artists["bars"])}
    assert {id(m.collection) for m in g.float_tails.values()} == {id(g.artists["float_tails"])}
    assert len(g.artists["bars"].get_paths()) == sum(
        1 for t in R3.after if t.finish_period > t.start_period and not t.task.is_level_of_effort)


def _big_plan(tasks: int, per_package: int = 100) -> psp.Project:
    packages = [psp.Package(f"AP{k + 1}", f"Paket {k + 1}")
                for k in range(-(-tasks // per_package))]
    return psp.Project("Groß", psp.Month(2020, 1), packages=packages, tasks=[
        psp.Task(f"T{i}", f"Aufgabe {i}", package=f"AP{i // per_package + 1}",
                 duration=1 + i % 4) for i in range(tasks)],
        links=[psp.Link(f"T{i}", f"T{i + 1}") for i in range(0, tasks - 1, 3)])


def test_a_big_plan_is_drawn_a_row_per_package_and_says_so() -> None:
    plan = _big_plan(450)
    s = psp.schedule(plan)
    g = psp.gantt(s, lang="en")
    assert g.level == "package" and g.rows == [p.id for p in plan.packages]
    assert "450 tasks: one row per work package" in g.ax.get_title(loc="left")
    # the package bars span their tasks; the critical tasks are marked inside them
    for package in plan.packages:
        rolled = s.package(package.id)
        bar = g.package_bars[package.id]
        assert (day(bar.get_x()), day(bar.get_x() + bar.get_width())) == (
            rolled.start, rolled.finish + dt.timedelta(days=1))
    critical = [t for t in s if t.critical and t.finish_period > t.start_period]
    assert len(g.artists["package_chains"].get_paths()) == len(critical)
    every = psp.gantt(s, level="task", legend=False)
    assert every.level == "task" and len(every.rows) == 450 + 5
    assert psp.gantt(psp.schedule(_big_plan(400)), legend=False).level == "task"


def test_packages_and_a_window_choose_the_rows() -> None:
    g = psp.gantt(S1, packages=["AP3"], start="2021-05", end="2021-08")
    assert g.rows == ["AP3", "3.1", "3.2", "3.3"]
    assert tier(g, "bottom") == ["Mai", "Jun", "Jul", "Aug"]
    assert tier(g, "top", outer=True) == ["2021"]
    early = psp.gantt(S1, end="30.09.2020")  # what runs in September 2020 only
    assert early.rows == ["AP1", "1.1", "1.2", "1.3", "1.4", "AP4", "4.1", "4.3"]
    with pytest.raises(psp.UnknownIdError):
        psp.gantt(S1, packages=["AP9"])
    with pytest.raises(psp.UsageError, match="start"):
        psp.gantt(S1, start="Smarch 2021")
    with pytest.raises(psp.UsageError, match="before start"):
        psp.gantt(S1, start="2021-05", end="2021-03")


def test_a_chart_too_tall_to_open_is_refused_naming_the_options() -> None:
    s = psp.schedule(_big_plan(1_600))
    assert psp.gantt(s, legend=False).level == "package"
    with pytest.raises(psp.SizeError, match=r"level=\"package\".*packages=.*start=") as err:
        psp.gantt(s, level="task")
    assert err.value.code == "too-large"
    assert len(psp.gantt(s, level="task", packages=["AP1", "AP2"], legend=False).rows) == 202


def test_arrows_follow_the_critical_chains_from_end_to_start() -> None:
    g = psp.gantt(S1)
    pairs = {pair for chain in S1.critical_chains for pair in itertools.pairwise(chain)}
    drawn = [link for link in PLAN.links if (link.predecessor, link.successor) in pairs]
    assert len(g.arrows) == len(drawn) > 0  # 3.1 → 4.2 twice: SS and FF
    for mark, link in zip(g.arrows, drawn, strict=True):
        pair = (link.predecessor, link.successor)
        (x0, y0), *_, (x1, y1) = mark.collection.get_paths()[mark.index].vertices
        p, s = S1[pair[0]], S1[pair[1]]
        edge = p.finish + dt.timedelta(days=1) if link.type.from_finish else p.start
        target = s.finish + dt.timedelta(days=1) if link.type.to_finish else s.start
        assert (day(x0), day(x1)) == (edge, target), pair
        assert y0 == g.rows.index(pair[0]) and abs(y1 - g.rows.index(pair[1])) < 0.5
    assert psp.gantt(S1, arrows="none").arrows == []
    labels = [t.get_text() for t in g.legend.get_texts()]
    assert "kritische Abhängigkeit" in labels


# --- issue 13, item 3: what a project lead looks for ----------------------------------

AT_STATUS = psp.schedule(psp.load("examples/digitale_werkstatt_2021-05.toml"))  # 15.05.2021


def test_progress_is_drawn_on_the_bars_at_the_status_date() -> None:
    import attrs
    from matplotlib.colors import to_hex

    status = dt.date(2021, 3, 29)
    s = psp.schedule(attrs.evolve(PLAN, status=status))
    g = psp.gantt(s, lang="en")
    assert day(g.status_line.get_xdata()[0]) == status
    # finished before 29 March: done all along; running: from its start to the status
    # date; not started: nothing done (dates worked out by hand from the plan)
    done = {ident: (day(m.get_x()), day(m.get_x() + m.get_width()))
            for ident, m in g.done_bars.items()}
    assert done["1.1"] == (dt.date(2020, 9, 1), dt.date(2020, 10, 1))
    assert done["2.11"] == (dt.date(2021, 2, 1), dt.date(2021, 3, 1))
    for ident in ("3.1", "3.2", "3.3", "4.2"):  # started 1 March 2021
        assert done[ident] == (dt.date(2021, 3, 1), status), ident
    assert "4.4" not in done and "4.5" not in done and "4.1" not in done  # 4.1: effort
    # what is still to do is lighter than what is done, in the same hue
    for ident in ("3.1", "3.2"):
        rest, finished = g.bars[ident].get_facecolor(), g.done_bars[ident].get_facecolor()
        assert sum(rest[:3]) > sum(finished[:3]), ident
    assert to_hex(g.done_bars["3.1"].get_facecolor()) == "#d55e00"
    # 62 % white: D5 5E 00 → 213 + 42·0.62, 94 + 161·0.62, 0 + 255·0.62 = EF C2 9E
    assert to_hex(g.bars["3.1"].get_facecolor()) == "#efc29e"
    texts = [t.get_text() for t in g.legend.get_texts()]
    assert "done (to the status date)" in texts and "status date 2021-03-29" in texts
    plain = psp.gantt(S1)
    assert plain.done_bars == {} and to_hex(plain.bars["3.1"].get_facecolor()) == "#d55e00"


def test_critical_tasks_show_their_float_when_the_end_lies_beyond_the_finish() -> None:
    g = psp.gantt(AT_STATUS)
    ts = AT_STATUS["3.1"]
    assert ts.critical and ts.total_float == 1  # ends in September, the contract in December
    tail = g.float_tails["3.1"]
    assert (day(tail.get_x()), day(tail.get_x() + tail.get_width())) == (
        dt.date(2021, 10, 1), dt.date(2021, 11, 1))  # one month: October
    assert "3.1" not in psp.gantt(S1).float_tails  # no float: no tail


def test_every_project_end_of_a_portfolio_is_marked() -> None:
    portfolio = psp.load_portfolio("examples/digitale_modellregion.toml")
    g = psp.gantt(psp.schedule_portfolio(portfolio), lang="en")
    ends = {p.id if p.id else p.name: p.end for p in portfolio.projects}
    assert sorted(g.end_lines) == sorted(f"end:{key}" for key in ends)
    for key, end in ends.items():
        assert day(g.end_lines[f"end:{key}"].get_xdata()[0]) == end + dt.timedelta(days=1)
    named = {t.get_text().strip() for t in g.ax.texts}
    assert named == {"kita", "ehrenamt, preresc", "arbeitswissenschaft, hybrid, egov"}
    assert "contractual end of each project" in [t.get_text() for t in g.legend.get_texts()]


def test_the_load_keeps_one_colour_per_owner_across_the_months() -> None:
    portfolio = psp.load_portfolio("examples/digitale_modellregion.toml")
    g = psp.gantt(psp.schedule_portfolio(portfolio), load=psp.costs(portfolio))
    looks = {}
    for owner, bars in g.load_bars.items():
        styles = {(tuple(bar.get_facecolor()), bar.get_hatch()) for bar in bars}
        assert len(styles) == 1, owner  # the same in every month
        looks[owner] = styles.pop()
    assert len(set(looks.values())) == len(looks)  # and no two owners alike
    legend = g.load_ax.get_legend()
    for text, handle in zip(legend.get_texts(), legend.legend_handles, strict=True):
        assert tuple(handle.get_facecolor()) == looks[text.get_text()][0]
    # the date tiers run under the load chart, not between it and the bars
    assert g.date_axes["bottom"] in g.load_ax.child_axes
    assert g.date_axes["top"] in g.ax.child_axes


def test_a_chart_fits_an_a4_or_a3_page_or_says_what_draws_less() -> None:
    import io
    import re

    g = psp.gantt(S1)
    before = list(g.figure.get_size_inches())
    for paper, (width, height) in (("a4", (297, 210)), ("a3", (420, 297))):
        out = io.BytesIO()
        g.savefig(out, format="pdf", paper=paper)
        box = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", out.getvalue())
        assert box is not None
        assert (round(float(box[1]) / 72 * 25.4), round(float(box[2]) / 72 * 25.4)) == (
            width, height), paper
    assert list(g.figure.get_size_inches()) == before
    # rows get (page height − 2.6 in) · 72 · 0.85 points of labels, at least 4 points each:
    # A4 (8.27 in) 86 rows, A3 (11.69 in) 139 rows
    tall = psp.gantt(psp.Project("hoch", psp.Month(2021, 1), tasks=[
        psp.Task(str(i), duration=1) for i in range(120)]), legend=False)  # no packages
    with pytest.raises(psp.SizeError, match=r"120 rows does not fit on an A4 page legibly "
                                            r"\(at most 86 rows\): take A3, .*--level"):
        tall.savefig(io.BytesIO(), format="pdf", paper="a4")
    tall.savefig(io.BytesIO(), format="pdf", paper="a3")  # 120 rows fit on A3
    with pytest.raises(psp.UsageError, match="paper"):
        g.savefig(io.BytesIO(), format="pdf", paper="letter")  # type: ignore[arg-type]


# --- issue 13, item 4: the interactive chart ------------------------------------------


def _bars_by_id(fig: object) -> dict[str, tuple[str, dt.date, dt.date, tuple[object, ...]]]:
    """Each bar's trace name, first and last day (from base and length), and hover facts."""
    found = {}
    for trace in fig.data:  # type: ignore[attr-defined]
        if trace.type != "bar":
            continue
        for base, length, facts in zip(trace.base, trace.x, trace.customdata, strict=True):
            first = dt.date.fromisoformat(base)
            days = length / 86_400_000
            assert days == int(days)  # whole days, no drift
            found[(trace.name, facts[0])] = (trace.name, first,
                                             first + dt.timedelta(days=int(days) - 1), facts)
    return found  # type: ignore[return-value]


def test_the_interactive_chart_shows_the_schedule_and_why_tasks_moved() -> None:
    from matplotlib.colors import to_hex

    fig = psp.plotly_gantt(R3, lang="en")
    bars = _bars_by_id(fig)
    for ts in R3.after:
        if ts.finish_period == ts.start_period:
            continue
        kind = ("level of effort" if ts.task.is_level_of_effort else
                "critical" if ts.critical else "not critical")
        _name, first, last, facts = bars[(kind, ts.id)]
        assert (first, last) == (ts.start, ts.finish), ts.id
        assert list(facts[:7]) == [ts.id, ts.task.name, ts.task.owner_label or "–",
                                   ts.start.isoformat(), ts.finish.isoformat(),
                                   ts.total_float, ts.free_float], ts.id
        old = R3.before[ts.id]
        assert bars[("baseline", ts.id)][1:3] == (old.start, old.finish), ts.id
    # the reason a task moved is the replan's own (TaskShift.reason), word for word
    for shift in R3.shifts(lang="en", moved_only=True):
        if (R3.after[shift.id].finish_period > R3.after[shift.id].start_period
                and not R3.after[shift.id].task.is_level_of_effort):
            kind = "critical" if R3.after[shift.id].critical else "not critical"
            assert bars[(kind, shift.id)][3][7] == shift.reason and shift.reason
    assert bars[("not critical", "1.1")][3][7] == ""  # did not move: no reason
    colours = {trace.name: trace.marker.color for trace in fig.data}
    assert to_hex(colours["critical"]) == "#d55e00" and to_hex(colours["not critical"]) == (
        "#9ad0f0")
    milestones = next(t for t in fig.data if t.name == "milestone")
    assert list(milestones.x) == [R3.after["M1"].start.isoformat()]
    lines = {shape.line.dash: shape.x0 for shape in fig.layout.shapes}
    assert lines == {"dash": "2022-01-01", "dot": "2021-09-01"}  # the day after each end
    labels = list(fig.layout.yaxis.categoryarray)
    assert labels[0].startswith("AP1  ") and labels[20].startswith("3.1  ")
    assert fig.layout.yaxis.autorange == "reversed"  # top-down, as the static chart


def test_the_interactive_chart_draws_progress_like_the_static_one() -> None:
    import attrs

    s = psp.schedule(attrs.evolve(PLAN, status=dt.date(2021, 3, 29)))
    bars = _bars_by_id(psp.plotly_gantt(s))
    static = psp.gantt(s)
    for ident, mark in static.done_bars.items():
        first, last = bars[("erledigt (bis zum Stichtag)", ident)][1:3]
        assert (first, last + dt.timedelta(days=1)) == (
            day(mark.get_x()), day(mark.get_x() + mark.get_width())), ident


def test_gantt_html_is_one_page_that_needs_no_network(tmp_path: Path) -> None:
    from tests.cli import psp_cli

    page = tmp_path / "chart.html"
    result = psp_cli("gantt", "examples/digitale_werkstatt.toml", "-o", str(page),
                     "--delay", "3.1=2021-06", "--lang", "en")
    assert result.returncode == 0 and result.stderr == f"psp gantt: wrote {page}\n"
    html = page.read_text(encoding="utf-8")
    assert html.splitlines()[:2] == ["<!doctype html>", '<html lang="en">']
    assert "<script src=" not in html and "Plotly.newPlot" in html  # plotly.js inline
    # the hover text, as the page's JSON writes it ("/" escaped)
    assert "3.1 starts Jun'21: start no earlier than 06\\u002f2021" in html
    wrong = psp_cli("gantt", "examples/digitale_werkstatt.toml", "-o", str(tmp_path / "x.html"),
                    "--paper", "a4")
    assert wrong.returncode == 2 and "--paper" in wrong.stderr
    assert not (tmp_path / "x.html").exists()


def _gallery_tools() -> Any:
    """docs/make_gallery.py, whose browser call the gallery's screenshot uses too."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_gallery", Path(__file__).parents[1] / "docs" / "make_gallery.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_GALLERY = _gallery_tools()
_HAS_BROWSER = any(__import__("shutil").which(b) for b in _GALLERY.BROWSERS)


# .ci/run installs Debian's chromium and sets PSP_NEEDS_BROWSER, so CI never skips this
@pytest.mark.skipif(not _HAS_BROWSER and not os.environ.get("PSP_NEEDS_BROWSER"),
                    reason="needs a Chromium on the PATH (a real browser)")
def test_a_real_browser_shows_the_bars_of_the_interactive_chart(tmp_path: Path) -> None:
    import matplotlib.image

    page, shot = tmp_path / "chart.html", tmp_path / "shot.png"
    psp.export.write_html(psp.plotly_gantt(R3, lang="en"), page, lang="en")
    assert _GALLERY.chromium_screenshot(page, shot), "no Chromium on the PATH"
    pixels = (matplotlib.image.imread(shot)[:, :, :3] * 255).round()

    def share(colour: str) -> float:
        rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
        return float((abs(pixels - rgb).max(axis=2) <= 8).mean())

    # the critical bars (3.1, 4.2, 4.4, 4.5) and the sky-blue ones are on the screen
    assert share("#D55E00") > 0.002 and share("#9AD0F0") > 0.005
