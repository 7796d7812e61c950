"""The Gantt chart, checked through the artists it returns (not just that a file exists)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

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


def test_month_axis_labels_and_year_separator() -> None:
    de = [t.get_text() for t in psp.gantt(R3).ax.get_xticklabels(minor=True)]
    en = [t.get_text() for t in psp.gantt(R3, lang="en").ax.get_xticklabels(minor=True)]
    assert de[0] == "Sep'20" and de[-1] == "Dez'21" and "Mär'21" in de
    assert en[-1] == "Dec'21" and "Mar'21" in en
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
    labels = [t.get_text() for t in psp.gantt(psp.schedule(weeks)).ax.get_xticklabels(minor=True)]
    assert labels == ["KW36'20", "KW37'20", "KW38'20", "KW39'20", "KW40'20"]
    days = psp.Project("D", dt.date(2020, 9, 15), unit="day", tasks=[psp.Task("a", duration=3)])
    labels = [t.get_text() for t in psp.gantt(psp.schedule(days), lang="en").ax.get_xticklabels(
        minor=True)]
    assert labels == ["2020-09-15", "2020-09-16", "2020-09-17"]


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
    labels = [t.get_text() for t in g.ax.get_xticklabels(minor=True)]
    assert labels == ["Mai'21", "Jun'21", "Jul'21", "Aug'21"]
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
